"""make bench-search's report (bench/search.py): what it records, per back-end and size."""

from pathlib import Path

import pytest

from bench import search

RUN = {
    "db": "sqlite", "events": 1000, "when": "2026-11-30", "processors": 2, "build_s": 1.5,
    "index_mb": 2.0, "rest_mb": 140.0, "rest_files_mb": 60.0,
    "queries": [
        {"q": "maritime security", "p50_ms": 6.2, "p99_ms": 7.7, "rps_32": 284.4,
         "rps_32_per_processor": 306.0, "errors": 0},
    ],
}  # fmt: skip


def test_the_table_shows_one_worker_and_a_worker_per_processor():
    text = search.table(RUN)
    assert "one worker per processor (2)" in text
    assert "| `maritime security` | 6.20 | 7.70 | 284 | 306 | 0 |" in text


def test_a_run_is_recorded_between_its_own_markers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    doc = tmp_path / "performance.md"
    doc.write_text("# Performance\n", encoding="utf-8")
    monkeypatch.setattr(search, "DOC", doc)
    search.record(RUN)
    search.record({**RUN, "queries": [{**RUN["queries"][0], "rps_32_per_processor": 320.0}]})
    text = doc.read_text(encoding="utf-8")
    assert text.count("<!-- search:sqlite:1000:start -->") == 1
    assert "| 320 |" in text and "| 306 |" not in text  # the second run replaced the first
