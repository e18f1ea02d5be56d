"""Reading a request's query string, strictly, into what its route declared: one model
per route read by a plain dependency in one pass (FastAPI reads a model field by field,
which costs more than the rest of a first page: see docs/performance.md), refusing every
parameter the route does not take, a NUL, text that is not UTF-8 and more than MAX_ITEMS
values of one parameter; then a list's `Page`, checked against what its resource offers."""

from collections.abc import Iterable
from typing import Any, Generic, TypeVar, get_args, get_origin
from urllib.parse import unquote, unquote_to_bytes

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ValidationError, create_model

from app.core.errors import InvalidParameter
from app.core.models import MAX_ITEMS, CitedQuery, ListQuery, Resource
from app.core.orders import Order, decode_cursor
from app.query.shapes import (
    CommaList,
    Page,
    Shape,
    facets_parameter,
    is_comma_list,
    shape_parameters,
    sort_parameter,
)

M = TypeVar("M", bound=BaseModel)


def ignored(name: str) -> bool:
    """Parameters every route accepts and ignores: `_`, the cache-buster some HTTP
    clients add, and `utm_…` campaign tags that links pick up on the way. Any other name
    a route does not take is refused, so that a typo never looks like a result."""
    return name == "_" or name.startswith("utm_")


class QueryModel(Generic[M]):
    """Reads `model` from a request's query string (its parameters are declared to
    OpenAPI by `app.http.openapi.query_parameters`); a parameter it does not declare is a
    422 naming it."""

    def __init__(self, model: type[M]) -> None:
        self.model = model
        self._fields = [
            (info.alias or name, _repeats(info.annotation), is_comma_list(info.metadata))
            for name, info in model.model_fields.items()
        ]
        self._names = frozenset(alias for alias, _, _ in self._fields)
        self._taken = ", ".join(sorted(self._names)) or "none"

    async def __call__(self, request: Request) -> M:
        """A dependency; async, since it does no I/O and so needs no thread."""
        return self.read(request)

    def read(self, request: Request) -> M:
        """The model, validated; a 422 problem naming every invalid or unknown parameter
        (a NUL character in a value makes it invalid)."""
        params = request.query_params
        refused = [] if self._names.issuperset(params.keys()) else self._unknown(params.keys())
        data: dict[str, Any] = {}
        for alias, repeats, joined in self._fields:
            if alias in params:
                if joined:
                    data[alias] = ",".join(params.getlist(alias))
                else:
                    data[alias] = _distinct(params.getlist(alias)) if repeats else params[alias]
                if repeats and len(data[alias]) > MAX_ITEMS:
                    refused.append(_too_many(alias, len(data[alias])))
        raw = request.scope["query_string"]
        if b"%00" in raw:
            refused += _without_nul(data)
        if b"%" in raw and any("\ufffd" in v for _, v in params.multi_items()):
            refused += _not_utf8(raw, data)
        try:
            model = self.model.model_validate(data)
        except ValidationError as exc:
            # The shape FastAPI gives, so the one problem handler renders it. A parameter
            # refused already (a NUL, too many values) is not reported again (as missing).
            taken_out = {error["loc"][1] for error in refused}
            errors = [
                {**error, "loc": ("query", *error["loc"])}
                for error in exc.errors(include_url=False)
                if not error["loc"] or error["loc"][0] not in taken_out
            ]
            raise RequestValidationError([*errors, *refused]) from None
        if refused:
            raise RequestValidationError(refused)
        return model

    def _unknown(self, names: Iterable[str]) -> list[dict[str, Any]]:
        reason = f"is not a parameter of this route; it takes {self._taken}"
        return [
            {"loc": ("query", name), "msg": reason, "type": "unknown_parameter"}
            for name in names
            if name not in self._names and not ignored(name)
        ]


def _without_nul(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Take out of `data` each parameter holding a NUL character (no value can: PostgreSQL
    text cannot store one), and the errors that name them."""
    held = [k for k, v in data.items() if "\x00" in (v if isinstance(v, str) else "".join(v))]
    for name in held:
        del data[name]
    reason = "holds a NUL character (%00), which no value may contain"
    return [{"loc": ("query", name), "msg": reason, "type": "nul_character"} for name in held]


def _not_utf8(raw: bytes, data: dict[str, Any]) -> list[dict[str, Any]]:
    """Take out of `data` each parameter whose value is not UTF-8 once percent-decoded (a
    lone surrogate's bytes, say: the server read it as U+FFFD), and the errors naming
    them. A real U+FFFD, sent as UTF-8, is a character like any other."""
    held: set[str] = set()
    for part in raw.split(b"&"):
        key, _, value = part.partition(b"=")
        try:
            unquote_to_bytes(value.replace(b"+", b" ")).decode()
        except UnicodeDecodeError:
            held.add(unquote(key.decode("latin-1")))
    reason = "is not UTF-8 text once percent-decoded (an unpaired surrogate, say)"
    for name in held:
        data.pop(name, None)
    return [{"loc": ("query", name), "msg": reason, "type": "not_utf8"} for name in sorted(held)]


def _repeats(annotation: Any) -> bool:
    """`list[X]`, also inside `X | None`."""
    kinds = (list, tuple, set, frozenset)
    return any(get_origin(a) in kinds for a in (annotation, *get_args(annotation)))


def split(value: str | None, name: str) -> list[str]:
    """A comma list's distinct parts, exactly as written (`title, date` names a field
    " date", which no record has); an empty list or part, or over `MAX_ITEMS`, is a 422."""
    if value is None:  # the usual case, three times a list request
        return []
    parts = _distinct(value.split(","))
    if "" in parts:
        reason = "is empty" if value == "" else f"has an empty item in {value!r}"
        raise InvalidParameter(f"query.{name}", reason + "; give one or more names, by commas")
    if len(parts) > MAX_ITEMS:
        raise RequestValidationError([_too_many(name, len(parts))])
    return parts


def _distinct(values: Iterable[str]) -> list[str]:
    """Each value once, in the order first given: a repeat asks for nothing more."""
    return list(dict.fromkeys(values))


def _too_many(name: str, count: int) -> dict[str, Any]:
    reason = f"holds {count} different values; at most {MAX_ITEMS} are taken"
    return {"loc": ("query", name), "msg": reason, "type": "too_many_values"}


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


class ListParameters(Generic[M]):
    """The dependency giving a list route its `Page`: `filters` (the resource's own
    model, to which `q` and `source` are added when `cited`) and what every list takes."""

    def __init__(self, resource: Resource, filters: type[M], *, cited: bool = True) -> None:
        self.resource = resource
        fields = shape_parameters(resource)
        fields["sort"] = (CommaList, sort_parameter(resource))
        if resource.facets:
            fields["facets"] = (CommaList, facets_parameter(resource))
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
            basis=getattr(query, "basis", None),
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
