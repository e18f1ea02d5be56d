"""What a list or detail request asks (`Page`: filters, order, cursor, shape; `Shape`),
read from its query string by `app.query.reader.QueryModel` and checked against what the
resource offers."""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from fastapi import Request
from pydantic import BaseModel, create_model

from app.core.errors import InvalidParameter
from app.core.models import DEFAULT_LIMIT, CitedQuery, ListQuery, Resource
from app.core.orders import Order, decode_cursor
from app.http.openapi import comma_list
from app.query.reader import CommaList, QueryModel, split

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Shape:
    """`fields=` and `include=`, checked: what a record is answered with."""

    fields: list[str] | None
    include: list[str]

    @property
    def as_stored(self) -> bool:
        return not (self.fields or self.include)


@dataclass(frozen=True)
class Page(Generic[M]):
    """What a list request asks: which records, in what order and shape, where."""

    filters: M
    q: str | None
    source: str | None
    order: Order
    limit: int | None  # None when the client gave none: JSON pages use the default
    start_after: list[Any] | None  # the cursor's values
    shape: Shape
    count: bool = False
    facets: tuple[str, ...] = ()
    bounded: bool = False  # the default order, nothing filtered: an index seek, on the loop

    @property
    def size(self) -> int:
        return self.limit or DEFAULT_LIMIT

    @property
    def plain(self) -> bool:
        """Stored documents are the whole answer: nothing counted, nothing reshaped."""
        return not (self.count or self.facets) and self.shape.as_stored


# What a list request may give and still be a bounded read: how much, where, what shape.
_BOUNDED = frozenset({"limit", "cursor", "fields", "include", "sort"})


def checked_shape(resource: Resource, fields: str | None, include: str | None) -> Shape:
    """`fields=` and `include=` checked against what `resource` has; 422 otherwise."""
    chosen = split(fields, "fields") or None
    _refuse_unknown("fields", chosen or (), resource.public_model.model_fields)
    embedded = split(include, "include")
    _refuse_unknown("include", embedded, resource.includes)
    return Shape(fields=chosen, include=embedded)


def _refuse_unknown(name: str, given: Iterable[str], offered: Iterable[str]) -> None:
    """A 422 naming the first of `given` that is not `offered`, and what is."""
    unknown = [value for value in given if value not in offered]
    if unknown:
        allowed = ", ".join(offered) or "none"
        raise InvalidParameter(f"query.{name}", f"{unknown[0]!r} is not one of {allowed}")


def shape_parameters(resource: Resource) -> dict[str, Any]:
    """`fields=` and `include=` (when the resource embeds anything), as model fields."""
    names = resource.public_model.model_fields
    kept = ", and `slug`," if "slug" in names else ""
    parameters = {
        "fields": comma_list(
            f"Sparse fieldset: only these top-level fields{kept} in each record.",
            names,
            name=f"{_title(resource)}Field",
        )
    }
    if resource.includes:
        parameters["include"] = comma_list(
            "Embed these related records in full, in place of their references.",
            resource.includes,
            name=f"{_title(resource)}Include",
        )
    return {name: (CommaList, field) for name, field in parameters.items()}


class ListParameters(Generic[M]):
    """The dependency giving a list route its `Page`: `filters` (the resource's own
    model, to which `q` and `source` are added when `cited`) and what every list takes."""

    def __init__(self, resource: Resource, filters: type[M], *, cited: bool = True) -> None:
        self.resource = resource
        fields = shape_parameters(resource)
        fields["sort"] = (CommaList, _sort_parameter(resource))
        if resource.facets:
            counted = comma_list(
                "Counts per value, for the records matched.",
                resource.facets,
                name=f"{_title(resource)}Facet",
            )
            fields["facets"] = (CommaList, counted)
        bases = (filters, CitedQuery, ListQuery) if cited else (filters, ListQuery)
        name = "".join(part.title() for part in resource.plural.split("_")) + "Query"
        self.query = QueryModel(create_model(name, __base__=bases, **fields))
        self.model = self.query.model
        self._default = resource.order(None).signature
        self._orders: dict[str | None, Order] = {}

    async def __call__(self, request: Request) -> Page[M]:
        return self.page(self.query.read(request))

    def page(self, query: Any) -> Page[M]:
        """The `Page` a validated query model asks for; 422 for what only this can check."""
        order = self._orders.get(query.sort)
        if order is None:
            order = self.resource.order(query.sort)
            if len(self._orders) < 64:  # parsed once per spelling (the first few)
                self._orders[query.sort] = order
        return Page(
            filters=query,
            q=getattr(query, "q", None),
            source=getattr(query, "source", None),
            order=order,
            limit=query.limit,
            start_after=decode_cursor(query.cursor, order) if query.cursor else None,
            shape=checked_shape(self.resource, query.fields, getattr(query, "include", None)),
            count=query.count,
            facets=self._facets(getattr(query, "facets", None)),
            bounded=query.model_fields_set <= _BOUNDED and order.signature == self._default,
        )

    def _facets(self, value: str | None) -> tuple[str, ...]:
        """`facets=` checked before any query: each names a facet of this resource."""
        names = split(value, "facets")
        _refuse_unknown("facets", names, self.resource.facets)
        return tuple(names)


def _sort_parameter(resource: Resource) -> Any:
    """`sort=`: fields of `resource`, each ascending or (`-`) descending."""
    keys = [f"{sign}{name}" for name in resource.sorts for sign in ("", "-")]
    return comma_list(
        f"Sort keys in order, `-` for descending (default `{resource.default_sort}`); "
        f"the {resource.tiebreak} breaks ties. A field sorted by already adds nothing.",
        keys,
        name=f"{_title(resource)}Sort",
    )


def _title(resource: Resource) -> str:
    """`Event` for events: the start of the names of its parameters' enums."""
    return resource.kind.title()
