"""Snapshot every answer of the API, to prove that a restructuring changes none of them.

    .venv/bin/python -m bench.snapshot record --database-url URL --out DIR
    .venv/bin/python -m bench.snapshot compare BEFORE_DIR AFTER_DIR

`record` builds the app in process (importing only `create_app` and `Settings` from `app`,
the two names that keep their place), with the response cache off so that every answer is
rendered, asks it a fixed sample of requests and writes each answer (status, headers,
exact body) to DIR/requests.jsonl, with counts in DIR/summary.json. The sample is derived
from the app's /openapi.json (routes, parameters, sort keys, fields, includes, facets,
enums) and from the data (sorted slugs, places, countries), in a fixed order: every route
with its sorting, paging, cursors, counts, facets, fields, includes, exports, content
negotiation and filters (real, repeated and unknown values), searches, every record by
slug, conditional requests, HEAD, wrong methods and odd Host headers. Requests carry the
test client's default headers minus Accept, plus the headers recorded with them.

`compare` prints each request whose answer differs (which parts; for JSON bodies the first
differing paths), then totals, and exits 1 if any answer differs or is unmatched.
"""

import argparse
import base64
import json
import os
import re
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from itertools import islice, zip_longest
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
from fastapi.testclient import TestClient

from app.core.config import Settings
from app.main import create_app

Pairs = Sequence[tuple[str, Any]]
Spec = dict[str, Any]
Data = dict[str, list[dict[str, Any]]]
ABSENT = object()  # a key or list item that one JSON value has and the other lacks
# A real server adds a Date header, which follows the clock rather than the code; each
# request has an id of its own.
VOLATILE_HEADERS = {"date", "x-request-id"}
# Parameters exercised on their own in every list route; any other one is a filter.
COMMON = {"limit", "cursor", "count", "sort", "fields", "include", "facets", "format", "q", "to"}
LISTED = ("sort", "fields", "include", "facets")  # whose values their descriptions list
SLUG_FILTERS = {"area": "areas", "programme": "programmes", "person": "people",
                "speaker": "people", "organisation": "organisations", "event": "events",
                "source": "sources"}  # fmt: skip
RESOURCES = ["events", "programmes", "areas", "quotes", "people", "organisations", "sources"]
DATE_CASES: list[Pairs] = [
    [("from", "2013")], [("from", "2013-04")], [("from", "2013-04-15")], [("to", "2013")],
    [("to", "2013-04")], [("to", "2013-04-15")], [("from", "2010"), ("to", "2015")],
    [("from", "2013-04"), ("to", "2014-06-30")], [("from", "2013-13")],
    [("from", "15/04/2013")], [("to", "soon")], [("from", "2015"), ("to", "2010")],
]  # fmt: skip
QUERIES = ["japan", "maritime security", '"maritime security"', "cyber OR space",
           "japan -cyber", "defence", "defense", "", "a" * 501]  # fmt: skip
SEARCHES = [*QUERIES[:7], "nato", "cyber defence", "partnership", "ITPP", "Tallinn", "Abe",
            "Stoltenberg", "summit", "maritime safety", "disinformation", "Afghanistan",
            "programme", "program", "interoperability", "xyzzy", "japan's"]  # fmt: skip
ACCEPTS = ["text/csv", "application/x-ndjson", "text/calendar", "application/xml", "*/*"]


class Recorder:
    """Sends each distinct request once, in the order asked, and keeps what came back."""

    def __init__(self, client: TestClient) -> None:
        self.client = client
        self.rows: list[dict[str, Any]] = []
        self.seen: dict[str, httpx.Response] = {}

    def __call__(
        self, url: str, headers: dict[str, str] | None = None, method: str = "GET"
    ) -> httpx.Response:
        """The answer to one request, sent unless the same request was sent before."""
        url, headers = url.removeprefix("http://testserver"), dict(sorted((headers or {}).items()))
        key = row_key({"method": method, "url": url, "headers": headers})
        if key not in self.seen:
            r = self.seen[key] = self.client.request(
                method, url, headers=headers, follow_redirects=False
            )
            kept = [[k, v] for k, v in r.headers.multi_items() if k not in VOLATILE_HEADERS]
            row = {"method": method, "url": url, "headers": headers, "status": r.status_code}
            self.rows.append({**row, "response_headers": kept, **encode(r.content)})
        return self.seen[key]


def encode(body: bytes) -> dict[str, Any]:
    """The body as text when it is valid UTF-8, else as base64, with a flag saying which."""
    try:
        return {"body": body.decode(), "base64": False}
    except UnicodeDecodeError:
        return {"body": base64.b64encode(body).decode(), "base64": True}


def row_key(row: dict[str, Any]) -> str:
    """What identifies a request across recordings: method, URL and headers sent."""
    return f"{row['method']} {row['url']} {json.dumps(row['headers'], sort_keys=True)}"


def url(path: str, pairs: Pairs = ()) -> str:
    """`path` with `pairs` as its query (commas left readable, as clients send them)."""
    query = urlencode([(k, str(v)) for k, v in pairs], safe=",")
    return f"{path}?{query}" if query else path


def listed(spec: Spec, param: dict[str, Any] | None) -> list[str]:
    """The names a comma-list parameter takes (its items' enum, written out or referred
    to; sort keys without `-`)."""
    items = (param or {}).get("schema", {}).get("items", {})
    if "$ref" in items:
        items = spec["components"]["schemas"][items["$ref"].rsplit("/", 1)[1]]
    return [name for name in items.get("enum", []) if not name.startswith("-")]


def choices(spec: Spec, param: dict[str, Any]) -> list[str]:
    """An enumerated parameter's values: its schema's enum, written out or referred to."""
    for ref in re.findall(r'"#/components/schemas/(\w+)"', json.dumps(param["schema"])):
        return spec["components"]["schemas"][ref].get("enum", [])
    schema = param["schema"]
    for part in [schema, schema.get("items", {}), *schema.get("anyOf", [])]:
        if "enum" in part:
            return list(part["enum"])
    return []


def spread(values: list[str], n: int = 4) -> list[str]:
    """Up to `n` values evenly spread over a sorted list, its first and last included."""
    if len(values) <= n:
        return values
    return list(dict.fromkeys(values[i * (len(values) - 1) // (n - 1)] for i in range(n)))


def texts(items: list[dict[str, Any]], name: str) -> list[str]:
    """Sorted distinct values of `place` or `country` in records or in their places."""
    places = [item.get("place") or {} for item in items]
    if name == "place":
        return sorted({p["name"] for p in places if p.get("name")})
    values = (i.get(name) or p.get(name) for i, p in zip(items, places, strict=True))
    return sorted({v for v in values if isinstance(v, str)})


def follow(get: Recorder, first: str, pages: int) -> list[httpx.Response]:
    """`first` and then its `next` links, at most `pages` answers in all."""
    answers = [get(first)]
    while len(answers) < pages and (nxt := answers[-1].links.get("next", {}).get("url")):
        answers.append(get(nxt))
    return answers


def filter_cases(name: str, param: dict[str, Any], res: str, spec: Spec, data: Data) -> list[Pairs]:
    """Requests for one filter: real values singly, two together, and an unknown value."""
    schema = json.dumps(param["schema"])
    if name == "from":
        return DATE_CASES
    if name == "in_force_on":
        return [[(name, d)] for d in ("2010-01-01", "2013-04-15", "2020-06-15", "2013-04")]
    if '"boolean"' in schema:
        return [[(name, "true")], [(name, "false")]]
    if name in SLUG_FILTERS or name == "parent":
        pool, bad = spread(sorted(i["slug"] for i in data[SLUG_FILTERS.get(name, res)])), "nope"
    elif name in ("place", "country"):
        pool, bad = spread(texts(data[res], name)), "Atlantis"
        pool += [pool[0].upper(), pool[-1][:4].lower()]  # any case, part of a name
    else:
        pool, bad = choices(spec, param), "nope"
    cases: list[Pairs] = [[(name, value)] for value in [*pool, bad]]
    return cases + ([[(name, pool[0]), (name, pool[-1])]] if '"array"' in schema else [])


def exercise_list(
    get: Recorder, spec: Spec, path: str, data: Data, at: str = "", base: Pairs = ()
) -> None:
    """A list route (at `at` if templated): sorting, paging, counts, facets, fields,
    includes, formats, content negotiation, every filter and full-text queries."""
    params = {p["name"]: p for p in spec["paths"][path]["get"]["parameters"] if p["in"] == "query"}
    at = at or path

    def ask(*pairs: tuple[str, Any], headers: dict[str, str] | None = None) -> httpx.Response:
        names = {k for k, _ in pairs}
        return get(url(at, [*(p for p in base if p[0] not in names), *pairs]), headers)

    sorts, fields, includes, facets = (listed(spec, params.get(n)) for n in LISTED)
    cases: list[Pairs] = [[], *([("limit", n)] for n in (1, 2, 5, 200, 0, 201))]
    cases += [[("sort", s)] for key in sorts for s in (key, f"-{key}")]
    cases += [[("sort", f"{sorts[-1]},-{sorts[0]}")], [("sort", "nope")]] if sorts else []
    cases += [[("cursor", "garbage")], [("count", "true")], [("count", "nope")]]
    if "facets" in params:
        cases += [[("facets", f)] for f in [*facets, ",".join(facets), "nope"]]
    if "fields" in params:
        cases += [[("fields", f)] for f in [fields[0], ",".join(fields[:4]), "slug,nope"]]
    if "include" in params:
        cases += [[("include", i)] for i in [*includes, ",".join(includes), "nope"]]
    embed = [("include", includes[0])] if includes else []
    exports = spec["paths"].get(f"{path}.{{format}}", {}).get("get", {}).get("parameters", [])
    for fmt in next((choices(spec, p) for p in exports if p["name"] == "format"), []):
        for pairs in ([], [("limit", 3)], [("fields", ",".join(fields[:3])), *embed]):
            get(url(f"{at}.{fmt}", [*base, *pairs]))
    combined: list[tuple[str, Any]] = []
    res = "events" if path == "/v1/timeline" else path.split("/")[2]  # whose records filter
    for name, param in sorted(params.items()):
        if name not in COMMON:
            cases += (found := filter_cases(name, param, res, spec, data))
            combined += found[0]
    cases += [[("q", text)] for text in QUERIES] if "q" in params else []
    all_facets = [("facets", ",".join(facets))] if facets else []
    cases += [combined, [*combined[:2], ("count", "true"), *all_facets]]
    for case in cases:
        ask(*case)
    for accept, limit in ((a, n) for a in ACCEPTS for n in ((), [("limit", 3)])):
        ask(*limit, headers={"accept": accept})
    follow(get, url(at, [*base, ("limit", 5)]), 25)
    if exports:
        follow(get, url(f"{at}.csv", [*base, ("limit", 10)]), 3)
    if sorts and (other := ask(("sort", f"-{sorts[0]}"), ("limit", 2)).links.get("next")):
        ask(("limit", 2), ("cursor", parse_qs(urlsplit(other["url"]).query)["cursor"][0]))


def exercise_details(get: Recorder, spec: Spec, path: str, data: Data) -> None:
    """A detail route: every record, includes and fields on a few, unknown slug, Accept."""
    res = path.split("/")[2]
    slugs = sorted(item["slug"] for item in data[res])
    params = {p["name"]: p for p in spec["paths"][f"/v1/{res}"]["get"]["parameters"]}
    detail = {p["name"]: p for p in spec["paths"][path]["get"]["parameters"]}
    includes = listed(spec, detail.get("include"))
    fields = listed(spec, params["fields"])
    for slug in slugs:
        get(path.replace("{slug}", slug))
    for slug in spread(slugs, 3):
        for pair in [
            *(("include", i) for i in [*includes, ",".join(includes), "nope"]),
            *(("fields", f) for f in [fields[0], ",".join(fields[:4]), "slug,nope"]),
        ]:
            get(url(path.replace("{slug}", slug), [pair]))
    first = path.replace("{slug}", slugs[0])
    for u in (path.replace("{slug}", "no-such-slug"), f"{first}/"):
        get(u)
    for accept in ACCEPTS:
        get(first, {"accept": accept})


def exercise_http(get: Recorder, data: Data) -> None:
    """Conditional requests, HEAD, wrong methods and Host headers on a handful of URLs."""
    event = sorted(e["slug"] for e in data["events"])[0]
    some = ["/v1/events", "/v1/events?limit=2", f"/v1/events/{event}", "/v1/areas.csv",
            "/v1/quotes.ndjson?limit=3", "/v1/events.ics?limit=3",
            "/v1/search?q=japan", "/v1/timeline?limit=5", "/openapi.json", "/docs"]  # fmt: skip
    for u in some:
        etag, modified = (get(u).headers.get(h, "") for h in ("etag", "last-modified"))
        for name, value in [
            *([("if-none-match", etag), ("if-none-match", f'W/{etag}, "x"')] if etag else []),
            *([("if-modified-since", modified)] if modified else []),
            ("if-none-match", '"stale"'),
            ("if-none-match", "*"),
            ("if-modified-since", "Thu, 01 Jan 1970 00:00:00 GMT"),
            ("if-modified-since", "yesterday"),
        ]:
            get(u, {name: value})
    for u in [*some[:5], "/healthz", "/static/docs/favicon.png", "/static/docs/swagger-ui.css"]:
        get(u, method="HEAD")
    for method, u in (("POST", "/v1/events"), ("DELETE", f"/v1/events/{event}")):
        get(u, method=method)
    for host in ("example.org", "example.org:8080", "bad host", "a>b"):
        for u in ("/v1/events?limit=2", f"/v1/events/{event}", "/v1/search?q=japan&limit=2"):
            get(u, {"host": host})


def is_list(operations: Spec) -> bool:
    """Whether a path is a list (it takes `limit`); its export, exercised with it, is not."""
    parameters = operations.get("get", {}).get("parameters", [])
    takes_limit = any(p["name"] == "limit" for p in parameters)
    return takes_limit and not any(p["name"] == "format" and p["in"] == "path" for p in parameters)


def sample(get: Recorder) -> Spec:
    """Ask every request of the sample, in a fixed order derived from the spec and the data."""
    spec: Spec = get("/openapi.json").json()
    for u in ("/docs", "/redoc", "/docs/oauth2-redirect", "/healthz", "/readyz", "/v1/nope", "/",
              "/v1/events/", "/static/docs/favicon.png", "/static/docs/nope.js"):  # fmt: skip
        get(u)
    data: Data = {}
    for res in RESOURCES:
        pages = follow(get, url(f"/v1/{res}", [("limit", 200)]), 50)
        data[res] = [item for page in pages for item in page.json()["data"]]
    for path in sorted(p for p, ops in spec["paths"].items() if is_list(ops)):
        if path == "/v1/search":
            exercise_list(get, spec, path, data, base=[("q", "japan")])
            for query in [[("q", q), *limit] for q in SEARCHES for limit in ((), [("limit", 3)])]:
                get(url(path, query))
            follow(get, url(path, [("q", "japan"), ("limit", 5)]), 40)
            for query in ([("q", "japan"), ("type", "events,quotes")], []):
                get(url(path, query))
        elif "{slug}" in path:  # a source's citations: in full for the most cited source
            slugs = sorted(s["slug"] for s in data["sources"])
            top = max(data["sources"], key=lambda s: (s["citation_count"], -slugs.index(s["slug"])))
            exercise_list(get, spec, path, data, at=path.replace("{slug}", top["slug"]))
            for slug in [*slugs, "no-such-slug"]:
                get(path.replace("{slug}", slug))
        else:
            exercise_list(get, spec, path, data)
    for path in sorted(p for p in spec["paths"] if p.endswith("/{slug}")):
        exercise_details(get, spec, path, data)
    exercise_http(get, data)
    return spec


def record(database_url: str, out: Path) -> int:
    """Record the sample's answers into `out`; 1 if a route of the spec went unasked."""
    app = create_app(Settings(database_url=database_url, response_cache_mb=0))
    with TestClient(app, raise_server_exceptions=False) as client:
        del client.headers["accept"]  # so that "no Accept" and "Accept: */*" are both asked
        spec = sample(get := Recorder(client))
    routes = {p: re.compile(re.sub(r"\{\w+\}", "[^/]+", p) + "$") for p in spec["paths"]}
    paths = [row["url"].split("?")[0] for row in get.rows]
    hits = {p: sum(1 for u in paths if rx.match(u)) for p, rx in routes.items()}
    statuses = dict(sorted(Counter(str(row["status"]) for row in get.rows).items()))
    out.mkdir(parents=True, exist_ok=True)
    with (out / "requests.jsonl").open("w") as f:
        f.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in get.rows)
    summary = {"requests": len(get.rows), "statuses": statuses, "routes": hits}
    (out / "summary.json").write_text(json.dumps(summary, indent=2) + "\n")
    missing = [p for p, n in hits.items() if not n]
    print(f"{len(get.rows)} requests, {len(routes) - len(missing)}/{len(routes)} routes -> {out}")
    print(f"statuses: {statuses}", *(f"NOT COVERED: {p}" for p in missing), sep="\n")
    return 1 if missing else 0


def short(value: Any) -> str:
    """A JSON value on one short line."""
    text = "(absent)" if value is ABSENT else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."


def json_paths(a: Any, b: Any, path: str = "$") -> Iterator[str]:
    """Where two JSON values differ, depth first, as `path: before -> after`."""
    if isinstance(a, list) and isinstance(b, list):
        for i, (x, y) in enumerate(zip_longest(a, b, fillvalue=ABSENT)):
            yield from json_paths(x, y, f"{path}[{i}]")
    elif isinstance(a, dict) and isinstance(b, dict):
        for key in [*a, *(k for k in b if k not in a)]:
            yield from json_paths(a.get(key, ABSENT), b.get(key, ABSENT), f"{path}.{key}")
        if a == b and list(a) != list(b):
            yield f"{path}: key order {list(a)} -> {list(b)}"
    elif type(a) is not type(b) or a != b:
        yield f"{path}: {short(a)} -> {short(b)}"


def body_diff(a: dict[str, Any], b: dict[str, Any]) -> list[str]:
    """A short account of how two bodies differ: JSON paths, else the first differing line."""
    if a["base64"] or b["base64"]:
        return ["binary body"]
    try:
        found = list(islice(json_paths(json.loads(a["body"]), json.loads(b["body"])), 5))
        return found or ["same JSON value, different bytes"]
    except ValueError:
        pass
    lines = zip_longest(a["body"].split("\n"), b["body"].split("\n"), fillvalue="")
    for n, (x, y) in enumerate(lines, 1):
        if x != y:
            at = len(os.path.commonprefix([x, y]))
            start = max(at - 20, 0)
            return [f"line {n}, column {at + 1}: {short(x[start:])} -> {short(y[start:])}"]
    return []


def differences(a: dict[str, Any], b: dict[str, Any]) -> list[str]:
    """Which parts of two recorded answers differ: status, named headers, header order, body."""
    parts = [f"status {a['status']} -> {b['status']}"] if a["status"] != b["status"] else []
    ha, hb = ({k: [v for n, v in h if n == k] for k, _ in h} for h in
              (a["response_headers"], b["response_headers"]))  # fmt: skip
    parts += [f"header {k}: {ha.get(k)} -> {hb.get(k)}" for k in sorted(ha.keys() | hb.keys())
              if ha.get(k) != hb.get(k)]  # fmt: skip
    if ha == hb and list(ha) != list(hb):
        parts.append(f"header order {list(ha)} -> {list(hb)}")
    if (a["body"], a["base64"]) != (b["body"], b["base64"]):
        parts.append(f"body ({len(a['body'])} -> {len(b['body'])} characters)")
    return parts


def compare(before: Path, after: Path) -> int:
    """Print every request whose answer differs between two recordings; 1 if any does."""
    a, b = ({row_key(r): r for r in map(json.loads, (d / "requests.jsonl").open())}
            for d in (before, after))  # fmt: skip
    totals: Counter[str] = Counter()
    for key in [*a, *(k for k in b if k not in a)]:
        if key not in a or key not in b:
            totals[side := "only after" if key not in a else "only before"] += 1
            print(f"{side.upper()}: {key}")
        elif parts := differences(a[key], b[key]):
            totals["differ"] += 1
            print(f"DIFFERS: {key}", *(f"  {p}" for p in parts), sep="\n")
            if parts[-1].startswith("body"):
                print("".join(f"    {line}\n" for line in body_diff(a[key], b[key])), end="")
        else:
            totals["identical"] += 1
    kinds = ("identical", "differ", "only before", "only after")
    print(
        f"{len(a)} requests before, {len(b)} after: " + ", ".join(f"{totals[k]} {k}" for k in kinds)
    )
    return 0 if totals["identical"] == len(a) == len(b) else 1


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run `record` or `compare`."""
    parser = argparse.ArgumentParser(prog="python -m bench.snapshot", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    rec = commands.add_parser("record", help="record the sample's answers into a directory")
    rec.add_argument("--database-url", required=True)
    rec.add_argument("--out", type=Path, required=True)
    cmp = commands.add_parser("compare", help="compare two recordings; exit 1 on a difference")
    cmp.add_argument("before", type=Path)
    cmp.add_argument("after", type=Path)
    args = parser.parse_args(argv)
    if args.command == "record":
        return record(args.database_url, args.out)
    return compare(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
