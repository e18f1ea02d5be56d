"""Query parameters: one model per route, read by a plain dependency in one pass (FastAPI
reads a model field by field, which costs more than the rest of a first page: see
docs/performance.md), refusing what no route takes; and what a list request asks
(`Page`: filters, order, cursor, shape, format)."""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Annotated, Any, Generic, TypeVar, get_args, get_origin

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, Field, ValidationError, create_model

from app.core.errors import InvalidParameter
from app.core.models import DEFAULT_LIMIT, MAX_ITEMS, CitedQuery, ListQuery, Resource
from app.core.orders import Order, decode_cursor
from app.http.openapi import comma_list

M = TypeVar("M", bound=BaseModel)


def repeatable(description: str, items: dict[str, Any] | None = None) -> Any:
    """A parameter that may be given several times, absent meaning none (its empty list
    made by a factory: a list default is deep-copied on every validation); `items` adds
    to what the document says of each value."""
    extra = {"default": [], **({"items": {"type": "string", **items}} if items else {})}
    return Field(default_factory=list, description=description, json_schema_extra=extra)


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
            (info.alias or name, _repeats(info.annotation), _is_comma_list(info.metadata))
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
        if b"%00" in request.scope["query_string"]:
            refused += _without_nul(data)
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


def _is_comma_list(metadata: list[Any]) -> bool:
    return any(isinstance(mark, _CommaList) for mark in metadata)


def _repeats(annotation: Any) -> bool:
    """`list[X]`, also inside `X | None`."""
    kinds = (list, tuple, set, frozenset)
    return any(get_origin(a) in kinds for a in (annotation, *get_args(annotation)))


@dataclass(frozen=True)
class Shape:
    """`fields=` and `include=`, checked: what a record is answered with."""

    fields: list[str] | None
    include: list[str]

    @property
    def as_stored(self) -> bool:
        return not (self.fields or self.include)


class _CommaList:
    """The mark of a parameter read as one comma list however often it is given (its
    document: `app.http.openapi.comma_list`)."""


# A comma list's type: `fields=title,date`, and `fields=title&fields=date` alike, since
# generated clients send a list either way (openapi-python-client repeats the name).
CommaList = Annotated[str | None, _CommaList()]


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
