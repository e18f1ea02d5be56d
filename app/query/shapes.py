"""What a list or detail request asks, as its route declares it: `Page` (filters, order,
cursor, shape) and `Shape` (`fields=`, `include=`), and the parameters that declare them
(repeatable filters, comma lists, `fields`, `include`, `sort`)."""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Annotated, Any, Generic, TypeVar

from pydantic import BaseModel, Field

from app.core.models import DEFAULT_LIMIT, BasisLevel, Resource
from app.core.orders import Order

M = TypeVar("M", bound=BaseModel)

# The enums that comma lists name, for the OpenAPI document's components.
ENUMS: dict[str, Any] = {}
# The mark of a comma list in a field's schema, for `query_parameters`.
COMMA_LIST = "x-comma-list"


def comma_list(description: str, values: Iterable[str], *, name: str) -> Any:
    """A parameter naming one or more of `values` (the enum `name`, in `ENUMS`)
    in one comma list, `fields=title,date`: an array sent in one value (`style: form`,
    `explode: false`). The server reads it as a string (`app.query.params.CommaList`)."""
    names = list(values)
    ENUMS[name] = {"type": "string", "enum": names, "title": name}
    if any(value.startswith("-") for value in names):  # sort keys: `-date` is DATE_DESCENDING
        ENUMS[name]["x-enum-varnames"] = [
            f"{v[1:]}_descending".upper() if v.startswith("-") else v.upper() for v in names
        ]
    array = {"type": "array", "items": {"type": "string"}, "minItems": 1, COMMA_LIST: name}

    def declare(schema: dict[str, Any]) -> None:
        del schema["anyOf"]  # the model's `str | None`: how the server reads it
        schema.update(array)

    return Field(None, description=description, json_schema_extra=declare)


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
    basis: BasisLevel | None = None  # `basis=`: how far from the text filtered values may rest

    @property
    def size(self) -> int:
        return self.limit or DEFAULT_LIMIT

    @property
    def plain(self) -> bool:
        """Stored documents are the whole answer: nothing counted, nothing reshaped."""
        return not (self.count or self.facets) and self.shape.as_stored


def repeatable(description: str, items: dict[str, Any] | None = None) -> Any:
    """A parameter that may be given several times, absent meaning none (its empty list
    made by a factory: a list default is deep-copied on every validation); `items` adds
    to what the document says of each value."""
    extra = {"default": [], **({"items": {"type": "string", **items}} if items else {})}
    return Field(default_factory=list, description=description, json_schema_extra=extra)


class _CommaList:
    """The mark of a parameter read as one comma list however often it is given (its
    document: `app.http.openapi.comma_list`)."""


# A comma list's type: `fields=title,date`, and `fields=title&fields=date` alike, since
# generated clients send a list either way (openapi-python-client repeats the name).
CommaList = Annotated[str | None, _CommaList()]


def is_comma_list(metadata: list[Any]) -> bool:
    """Whether a field's metadata marks it a `CommaList`."""
    return any(isinstance(mark, _CommaList) for mark in metadata)


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


def sort_parameter(resource: Resource) -> Any:
    """`sort=`: fields of `resource`, each ascending or (`-`) descending."""
    keys = [f"{sign}{name}" for name in resource.sorts for sign in ("", "-")]
    return comma_list(
        f"Sort keys in order, `-` for descending (default `{resource.default_sort}`); "
        f"the {resource.tiebreak} breaks ties. A field sorted by already adds nothing.",
        keys,
        name=f"{_title(resource)}Sort",
    )


def facets_parameter(resource: Resource) -> Any:
    """`facets=`: the facets of `resource`."""
    described = "Counts per value, for the records matched (an export ignores it)."
    return comma_list(described, resource.facets, name=f"{_title(resource)}Facet")


def _title(resource: Resource) -> str:
    """`Event` for events: the start of the names of its parameters' enums."""
    return resource.kind.title()
