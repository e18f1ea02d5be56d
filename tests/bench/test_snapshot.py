"""bench.snapshot compare: two recordings agree only when every answer is byte for byte
the same; bench.mechanisms: every variant still applies to the tree it is measured on."""

import json
from pathlib import Path
from typing import Any

import pytest

from bench.mechanisms import VARIANTS, variant_tree
from bench.snapshot import compare

ROW = {
    "method": "GET",
    "url": "/v1/events?limit=1",
    "headers": {},
    "status": 200,
    "response_headers": [["content-type", "application/json"], ["etag", '"abc"']],
    "body": '{"data": []}',
    "base64": False,
}


def recording(directory: Path, *rows: dict[str, Any]) -> Path:
    directory.mkdir()
    lines = "".join(json.dumps(row) + "\n" for row in rows)
    (directory / "requests.jsonl").write_text(lines, encoding="utf-8")
    return directory


class TestCompare:
    def test_identical_recordings_agree(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
        before = recording(tmp_path / "a", ROW)
        after = recording(tmp_path / "b", dict(ROW))
        assert compare(before, after) == 0
        assert "1 identical, 0 differ" in capsys.readouterr().out

    @pytest.mark.parametrize(
        "change, named",
        [
            ({"body": '{"data": [1]}'}, "body"),
            ({"status": 404}, "status 200 -> 404"),
            ({"response_headers": [["content-type", "application/json"], ["etag", '"x"']]}, "etag"),
        ],
    )
    def test_a_difference_is_named_with_its_request(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], change: dict[str, Any], named: str
    ):
        before = recording(tmp_path / "a", ROW)
        after = recording(tmp_path / "b", {**ROW, **change})
        assert compare(before, after) == 1
        out = capsys.readouterr().out
        assert "DIFFERS: GET /v1/events?limit=1" in out and named in out

    def test_a_request_asked_on_one_side_only_is_a_difference(self, tmp_path: Path):
        before = recording(tmp_path / "a", ROW)
        after = recording(tmp_path / "b", ROW, {**ROW, "url": "/v1/events?limit=2"})
        assert compare(before, after) == 1


class TestMechanismVariants:
    @pytest.mark.parametrize("variant", [v for v in VARIANTS if v.edits], ids=lambda v: v.name)
    def test_each_variant_applies_to_the_current_tree(self, variant: Any):
        # A change to the code a variant edits must bring the variant along, or
        # `make mechanisms` would measure nothing.
        with variant_tree(variant, "HEAD") as root:
            assert (root / "app" / "main.py").is_file()
