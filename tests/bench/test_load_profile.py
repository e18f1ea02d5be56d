"""bench.load_profile: py-spy's collapsed stacks summed per function."""

import pytest

from bench.load_profile import summarise

RAW = """\
run (uvicorn/server.py:10);handle (app/core/routes.py:81);page_rows (app/core/prepared.py:79) 6
run (uvicorn/server.py:10);handle (app/core/routes.py:81);page_rows (app/core/prepared.py:80) 2
run (uvicorn/server.py:10);write (uvicorn/protocols/http.py:5) 2
"""


def test_shares_are_summed_per_function_whatever_the_line():
    text = summarise(RAW)
    assert text.startswith("10 samples of the MainThread thread (0 partial ones dropped)")
    inclusive, own = text.split("self (the function's own code):")
    assert "100.0%  run (uvicorn/server.py)" in inclusive.splitlines()
    assert " 80.0%  handle (app/core/routes.py)" in inclusive.splitlines()
    assert " 80.0%  page_rows (app/core/prepared.py)" in own.splitlines()
    assert " 20.0%  write (uvicorn/protocols/http.py)" in own.splitlines()
    assert "handle" not in own  # it only called others


def test_a_recursive_function_counts_once_per_sample():
    text = summarise("f (a.py:1);f (a.py:2);g (a.py:3) 4\n")
    assert "100.0%  f (a.py)" in text.splitlines()


def test_no_samples_is_an_error():
    with pytest.raises(RuntimeError, match="no samples"):
        summarise("")


THREADS = """\
thread (1): MainThread;run (uvicorn/server.py:10);page_rows (app/core/prepared.py:79) 3
thread (1): MainThread;run (uvicorn/server.py:10);send (uvicorn/http.py:5) 1
thread (1): MainThread;page_rows (app/core/prepared.py:80) 1
thread (2): AnyIO worker thread;worker (anyio/to_thread.py:9);execute (sqlite3:1) 5
"""


def test_only_the_loop_threads_complete_stacks_count():
    text = summarise(THREADS)
    assert text.startswith("4 samples of the MainThread thread (1 partial ones dropped)")
    assert " 75.0%  page_rows (app/core/prepared.py)" in text.splitlines()
    assert "worker" not in text and "execute" not in text
    # No function can take more of the samples than the root every stack starts from.
    shares = [float(line.split("%")[0]) for line in text.splitlines() if "%  " in line]
    assert max(shares) == 100.0
