"""The API against its own OpenAPI document: schemathesis drives a live service with
every check in every phase (examples, coverage, fuzzing, stateful) on each back-end, and
must find nothing. `make contract` runs this module (`make test` runs it after pytest).

The example count and the seed are fixed, so a run is repeatable and takes about a
minute per back-end; tests/contract/hooks.py keeps generated valid requests within the
two rules no schema can state, and says why."""

import os
import re
import subprocess
import sys
from pathlib import Path

import httpx

ROOT = Path(__file__).parents[2]
SEED = 42
EXAMPLES = 100  # per operation and phase


def test_the_service_does_what_its_document_says(live_url: str):
    live = live_url
    document = httpx.get(f"{live}/openapi.json").json()
    operations = sum(len(item) for item in document["paths"].values())
    command = [
        str(Path(sys.executable).parent / "st"),
        f"--config-file={Path(__file__).parent / 'schemathesis.toml'}",
        "run",
        f"{live}/openapi.json",
        "--checks=all",
        "--phases=examples,coverage,fuzzing,stateful",
        f"--seed={SEED}",
        f"--max-examples={EXAMPLES}",
        "--generation-database=none",  # no examples carried over from an earlier run
        "--workers=1",
        "--no-color",
    ]
    run = subprocess.run(
        command,
        cwd=ROOT,
        env={**os.environ, "SCHEMATHESIS_HOOKS": "tests.contract.hooks"},
        capture_output=True,
        text=True,
        timeout=600,
    )
    report = run.stdout + run.stderr
    assert run.returncode == 0, report
    assert "No issues found" in report, report
    # Every operation of the document was tested, none left out or skipped.
    assert re.search(rf"Selected: {operations}/{operations}\s+Tested: {operations}\b", report), (
        report
    )
    for phase in ("Examples", "Coverage", "Fuzzing", "Stateful"):
        assert re.search(rf"✅ {phase}", report), (phase, report)
