"""schemathesis hooks for the contract run (tests/contract/test_schemathesis.py).

JSON Schema checks one parameter at a time, and knows nothing of what a server issued.
Two rules of this API lie outside what a schema can state, and the generator cannot
know them, so a request it means to be valid is kept within them; requests it means to
be invalid keep whatever it made, and must be refused:

- A cursor is opaque: only one the server issued, for the same order, is taken; any
  other is a 422 "invalid cursor" (docs/api.md). An invented cursor is taken out.
  Real cursors are followed by the suite (tests/core/test_orders.py and every page
  walk), and tests/test_hostile_input.py forges them by the thousand.
- A date range runs forwards: `to` before `from` is a 422 naming `to`. Such a pair
  loses its `to` (tests/test_hostile_input.py and the date tests cover the refusal).
"""

from typing import Any

import schemathesis

from app.core.dates import parse_partial


@schemathesis.hook
def map_case(context: Any, case: Any) -> Any:
    query, meta = case.query, case.meta
    if not query or meta is None or not meta.generation.mode.is_positive:
        return case
    query.pop("cursor", None)
    if _backwards(query.get("from"), query.get("to")):
        del query["to"]
    return case


def _backwards(start: Any, end: Any) -> bool:
    if not (isinstance(start, str) and isinstance(end, str)):
        return False
    try:
        return parse_partial(end)[1] < parse_partial(start)[0]
    except ValueError:  # not a date at all: the server says so, as the schema does
        return False
