"""Rewrite the README's examples from a running service, so they stay real output.

Usage: start the service (`make run`), then `make readme-examples`
(or `.venv/bin/python docs/render_examples.py http://127.0.0.1:8000`).
Long lists are cut to their first items and long strings to their start; each cut is
marked with `…` so a reader knows the real answer is longer.
"""

import json
import re
import sys
from pathlib import Path
from typing import Any

import httpx

README = Path(__file__).resolve().parents[1] / "README.md"
START, END = "<!-- examples:start -->", "<!-- examples:end -->"
SHOWN_HEADERS = ("content-type", "etag", "cache-control", "last-modified", "link")

# (heading, sentence, path, request headers, list items kept)
EXAMPLES: list[tuple[str, str, str, dict[str, str], int]] = [
    ("Events", "One event, with its dated span, place, links and citations.",
     "/v1/events/ipcp-signing-2014", {}, 3),
    ("Programmes", "A programme with its in-force span and lineage.",
     "/v1/programmes/individually-tailored-partnership-programme-2023", {}, 2),
    ("Cooperation areas", "An area with every spelling the sources use, and its counts.",
     "/v1/areas/cyber-defence", {}, 3),
    ("Quotes", "Who said what, with the offsets of the words in the source.",
     "/v1/quotes?speaker=shinzo-abe&limit=1", {}, 2),
    ("People", "A person with the roles the documents state.",
     "/v1/people/anders-fogh-rasmussen", {}, 2),
    ("Organisations", "An organisation with its parent.",
     "/v1/organisations/nato-emerging-security-challenges-division", {}, 2),
    ("Sources", "The list of source documents (the full text is on the detail route).",
     "/v1/sources?fields=title,kind,published,sha256,citation_count&limit=2", {}, 2),
    ("A source's text", "The detail route carries the verbatim text every offset indexes.",
     "/v1/sources/blog-2014-05-07-ipcp-signing?fields=title,length,text", {}, 2),
    ("Which events touched cyber defence between 2013 and 2016?",
     "`area=` also matches sub-areas; `from`/`to` take partial dates and match overlapping "
     "spans.", "/v1/events?area=cyber-defence&from=2013&to=2016&fields=title,date&limit=3",
     {}, 3),
    ("Which events of 2023 do the texts date themselves?",
     "`basis=stated` keeps the records whose filtered values (here the date) the cited words "
     "state; each record's `basis` says what every value rests on, with the reasoning.",
     "/v1/events?from=2023&basis=stated&fields=title,date,basis&limit=2", {}, 3),
    ("What did Rasmussen say about piracy?", "A speaker filter with full-text search.",
     "/v1/quotes?speaker=anders-fogh-rasmussen&q=piracy&fields=text,date,event", {}, 2),
    ("Which programme was in force on 1 January 2021?",
     "Programmes whose in-force span contains the day.",
     "/v1/programmes?in_force_on=2021-01-01&fields=name,in_force", {}, 4),
    ("Give me everything as CSV", "Each list has exports at its path with the format's "
     "extension (`.csv`, `.ndjson`, and `.ics` for events), taking the list's parameters; "
     "they stream every match.",
     "/v1/events.csv?fields=title,date,place", {}, 4),
    ("Search everything", "Ranked hits with highlighted snippets; American spelling finds "
     "British.", "/v1/search?q=cyber%20defense&type=areas,events&limit=3", {}, 3),
    ("Facets", "Counts per value for the current filter.",
     "/v1/events?area=maritime-security&facets=kind,year&fields=title&limit=1", {}, 8),
    ("Timeline", "Events and programme milestones by year.",
     "/v1/timeline?from=2023&to=2023&limit=4", {}, 4),
    ("Citations into a source", "Every citation pointing into a document, to highlight it.",
     "/v1/sources/blog-2014-05-07-ipcp-signing/citations?limit=2", {}, 2),
    ("Releases", "Each seed run that changed the data, newest first; the newest is served "
     "and has a data package.", "/v1/releases", {}, 2),
    ("What changed?", "The change feed: every record created, updated, renamed or deleted "
     "after a release (`since=`); here from the first release on.",
     "/v1/changes?limit=2", {}, 2),
    ("A calendar of events", "iCalendar for calendar applications.",
     "/v1/events.ics?from=2014&to=2014", {}, 4),
    ("Revalidation", "Send back the ETag: 304, no body.",
     "/v1/events?limit=1", {"If-None-Match": "{etag}"}, 1),
    ("Errors", "Every error is RFC 9457 problem details.",
     "/v1/events?kind=parade&limit=0", {}, 2),
    ("Readiness", "Migrated, seeded, and which data version.", "/readyz", {}, 2),
]  # fmt: skip


def _cut(value: Any, keep: int) -> Any:
    if isinstance(value, dict):
        return {k: _cut(v, keep) for k, v in value.items()}
    if isinstance(value, list):
        shown = [_cut(v, keep) for v in value[:keep]]
        return shown + [f"… {len(value) - keep} more"] if len(value) > keep else shown
    if isinstance(value, str) and len(value) > 400:
        return value[:300] + "…"
    return value


def _body(response: httpx.Response, keep: int) -> str:
    kind = response.headers.get("content-type", "")
    if "json" in kind and response.content:
        return json.dumps(_cut(response.json(), keep), indent=2, ensure_ascii=False)
    lines = response.text.splitlines()
    limit = keep * 12 if "calendar" in kind else keep + 1
    shown = "\n".join(lines[:limit])
    return shown + (f"\n… {len(lines) - limit} more lines" if len(lines) > limit else "")


def render(base: str) -> str:
    out = []
    with httpx.Client(base_url=base, timeout=30) as client:
        etag = client.get("/v1/events?limit=1").headers["etag"]
        for heading, sentence, path, headers, keep in EXAMPLES:
            headers = {k: v.replace("{etag}", etag) for k, v in headers.items()}
            response = client.get(path, headers=headers)
            flags = "".join(f" -H '{k}: {v}'" for k, v in headers.items())
            shown = [f"HTTP/1.1 {response.status_code} {response.reason_phrase}"]
            shown += [f"{h}: {response.headers[h]}" for h in SHOWN_HEADERS if h in response.headers]
            out.append(
                f"#### {heading}\n\n{sentence}\n\n```console\n$ curl -i{flags} "
                f"'http://127.0.0.1:8000{path}'\n"
                + "\n".join(shown)
                + "\n\n"
                + _body(response, keep)
                + "\n```\n"
            )
    return "\n".join(out)


def main() -> None:
    base = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"
    text = README.read_text(encoding="utf-8")
    block = f"{START}\n{render(base)}\n{END}"
    README.write_text(
        re.sub(f"{START}.*?{END}", lambda _: block, text, flags=re.S), encoding="utf-8"
    )


if __name__ == "__main__":
    main()
