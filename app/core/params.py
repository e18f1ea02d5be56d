"""Query parameters shared by every list route, declared once."""

from typing import Annotated

from fastapi import Query

CountParam = Annotated[
    bool, Query(description="Add the exact number of matching records as `meta.count`.")
]
SourceParam = Annotated[
    str | None, Query(description="Only records cited by this source (a source slug).")
]
