from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.basis_level import BasisLevel
from ...models.export_organisations_format import ExportOrganisationsFormat
from ...models.organisation_facet import OrganisationFacet
from ...models.organisation_field import OrganisationField
from ...models.organisation_include import OrganisationInclude
from ...models.organisation_kind import OrganisationKind
from ...models.organisation_sort import OrganisationSort
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    format_: ExportOrganisationsFormat,
    *,
    limit: int | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    count: bool | Unset = False,
    q: None | str | Unset = UNSET,
    source: None | str | Unset = UNSET,
    basis: BasisLevel | None | Unset = UNSET,
    kind: list[OrganisationKind] | Unset = UNSET,
    parent: None | str | Unset = UNSET,
    country: None | str | Unset = UNSET,
    fields: list[OrganisationField] | Unset = UNSET,
    include: list[OrganisationInclude] | Unset = UNSET,
    sort: list[OrganisationSort] | Unset = UNSET,
    facets: list[OrganisationFacet] | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_limit: int | None | Unset
    if isinstance(limit, Unset):
        json_limit = UNSET
    else:
        json_limit = limit
    params["limit"] = json_limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params["count"] = count

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

    json_source: None | str | Unset
    if isinstance(source, Unset):
        json_source = UNSET
    else:
        json_source = source
    params["source"] = json_source

    json_basis: None | str | Unset
    if isinstance(basis, Unset):
        json_basis = UNSET
    elif isinstance(basis, BasisLevel):
        json_basis = basis.value
    else:
        json_basis = basis
    params["basis"] = json_basis

    json_kind: list[str] | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = []
        for kind_item_data in kind:
            kind_item = kind_item_data.value
            json_kind.append(kind_item)


    params["kind"] = json_kind

    json_parent: None | str | Unset
    if isinstance(parent, Unset):
        json_parent = UNSET
    else:
        json_parent = parent
    params["parent"] = json_parent

    json_country: None | str | Unset
    if isinstance(country, Unset):
        json_country = UNSET
    else:
        json_country = country
    params["country"] = json_country

    json_fields: list[str] | Unset = UNSET
    if not isinstance(fields, Unset):
        json_fields = []
        for fields_item_data in fields:
            fields_item = fields_item_data.value
            json_fields.append(fields_item)


    params["fields"] = json_fields

    json_include: list[str] | Unset = UNSET
    if not isinstance(include, Unset):
        json_include = []
        for include_item_data in include:
            include_item = include_item_data.value
            json_include.append(include_item)


    params["include"] = json_include

    json_sort: list[str] | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = []
        for sort_item_data in sort:
            sort_item = sort_item_data.value
            json_sort.append(sort_item)


    params["sort"] = json_sort

    json_facets: list[str] | Unset = UNSET
    if not isinstance(facets, Unset):
        json_facets = []
        for facets_item_data in facets:
            facets_item = facets_item_data.value
            json_facets.append(facets_item)


    params["facets"] = json_facets


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/organisations.{format_}".format(format_=quote(str(format_), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | str | None:
    if response.status_code == 200:
        response_200 = response.text
        return response_200

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())



        return response_404

    if response.status_code == 406:
        response_406 = Problem.from_dict(response.json())



        return response_406

    if response.status_code == 414:
        response_414 = Problem.from_dict(response.json())



        return response_414

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())



        return response_422

    if response.status_code == 431:
        response_431 = Problem.from_dict(response.json())



        return response_431

    if response.status_code == 500:
        response_500 = Problem.from_dict(response.json())



        return response_500

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())



        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    format_: ExportOrganisationsFormat,
    *,
    client: AuthenticatedClient | Client,
    limit: int | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    count: bool | Unset = False,
    q: None | str | Unset = UNSET,
    source: None | str | Unset = UNSET,
    basis: BasisLevel | None | Unset = UNSET,
    kind: list[OrganisationKind] | Unset = UNSET,
    parent: None | str | Unset = UNSET,
    country: None | str | Unset = UNSET,
    fields: list[OrganisationField] | Unset = UNSET,
    include: list[OrganisationInclude] | Unset = UNSET,
    sort: list[OrganisationSort] | Unset = UNSET,
    facets: list[OrganisationFacet] | Unset = UNSET,

) -> Response[Problem | str]:
    """ Export organisations

     Every organisation matching the filters, as CSV or NDJSON (the same parameters as the
    list); with `limit=`, one page of them and a `Link` header to the next.

    Args:
        format_ (ExportOrganisationsFormat): The export's format: csv, ndjson.
        limit (int | None | Unset): Page size, 1–200; a page defaults to 50. An export (CSV,
            NDJSON, iCalendar) gives every match unless a limit is given.
        cursor (None | str | Unset): Opaque cursor from `meta.next_cursor` or `links.next`; only a
            cursor this service issued, for the same order, is taken.
        count (bool | Unset): Add the exact number of matches as `meta.count` (an export, with no
            `meta`, ignores it). Default: False.
        q (None | str | Unset): Full-text search: words, "phrases", OR, -exclusions. British and
            American spellings match each other.
        source (None | str | Unset): Only records cited by this source (a source slug).
        basis (BasisLevel | None | Unset): Keep only records whose filtered fields (the dates,
            place, country, speaker, organisation or area a filter names) rest at most this far from
            the cited words: `stated` (the evidence contains the value), `inferred` (stated or read
            from the documents), `external` (any). With no such filter given, every value of the
            record must. Each record's `basis` lists what its values rest on.
        kind (list[OrganisationKind] | Unset): Organisation kind. Repeatable.
        parent (None | str | Unset): Only the direct parts of this body.
        country (None | str | Unset): Country, any case.
        fields (list[OrganisationField] | Unset): Sparse fieldset: only these top-level fields,
            and `slug`, in each record.
        include (list[OrganisationInclude] | Unset): Embed these related records in full, in place
            of their references.
        sort (list[OrganisationSort] | Unset): Sort keys in order, `-` for descending (default
            `name`); the slug breaks ties. A field sorted by already adds nothing.
        facets (list[OrganisationFacet] | Unset): Counts per value, for the records matched (an
            export ignores it).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
     """


    kwargs = _get_kwargs(
        format_=format_,
limit=limit,
cursor=cursor,
count=count,
q=q,
source=source,
basis=basis,
kind=kind,
parent=parent,
country=country,
fields=fields,
include=include,
sort=sort,
facets=facets,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    format_: ExportOrganisationsFormat,
    *,
    client: AuthenticatedClient | Client,
    limit: int | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    count: bool | Unset = False,
    q: None | str | Unset = UNSET,
    source: None | str | Unset = UNSET,
    basis: BasisLevel | None | Unset = UNSET,
    kind: list[OrganisationKind] | Unset = UNSET,
    parent: None | str | Unset = UNSET,
    country: None | str | Unset = UNSET,
    fields: list[OrganisationField] | Unset = UNSET,
    include: list[OrganisationInclude] | Unset = UNSET,
    sort: list[OrganisationSort] | Unset = UNSET,
    facets: list[OrganisationFacet] | Unset = UNSET,

) -> Problem | str | None:
    """ Export organisations

     Every organisation matching the filters, as CSV or NDJSON (the same parameters as the
    list); with `limit=`, one page of them and a `Link` header to the next.

    Args:
        format_ (ExportOrganisationsFormat): The export's format: csv, ndjson.
        limit (int | None | Unset): Page size, 1–200; a page defaults to 50. An export (CSV,
            NDJSON, iCalendar) gives every match unless a limit is given.
        cursor (None | str | Unset): Opaque cursor from `meta.next_cursor` or `links.next`; only a
            cursor this service issued, for the same order, is taken.
        count (bool | Unset): Add the exact number of matches as `meta.count` (an export, with no
            `meta`, ignores it). Default: False.
        q (None | str | Unset): Full-text search: words, "phrases", OR, -exclusions. British and
            American spellings match each other.
        source (None | str | Unset): Only records cited by this source (a source slug).
        basis (BasisLevel | None | Unset): Keep only records whose filtered fields (the dates,
            place, country, speaker, organisation or area a filter names) rest at most this far from
            the cited words: `stated` (the evidence contains the value), `inferred` (stated or read
            from the documents), `external` (any). With no such filter given, every value of the
            record must. Each record's `basis` lists what its values rest on.
        kind (list[OrganisationKind] | Unset): Organisation kind. Repeatable.
        parent (None | str | Unset): Only the direct parts of this body.
        country (None | str | Unset): Country, any case.
        fields (list[OrganisationField] | Unset): Sparse fieldset: only these top-level fields,
            and `slug`, in each record.
        include (list[OrganisationInclude] | Unset): Embed these related records in full, in place
            of their references.
        sort (list[OrganisationSort] | Unset): Sort keys in order, `-` for descending (default
            `name`); the slug breaks ties. A field sorted by already adds nothing.
        facets (list[OrganisationFacet] | Unset): Counts per value, for the records matched (an
            export ignores it).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
     """


    return sync_detailed(
        format_=format_,
client=client,
limit=limit,
cursor=cursor,
count=count,
q=q,
source=source,
basis=basis,
kind=kind,
parent=parent,
country=country,
fields=fields,
include=include,
sort=sort,
facets=facets,

    ).parsed

async def asyncio_detailed(
    format_: ExportOrganisationsFormat,
    *,
    client: AuthenticatedClient | Client,
    limit: int | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    count: bool | Unset = False,
    q: None | str | Unset = UNSET,
    source: None | str | Unset = UNSET,
    basis: BasisLevel | None | Unset = UNSET,
    kind: list[OrganisationKind] | Unset = UNSET,
    parent: None | str | Unset = UNSET,
    country: None | str | Unset = UNSET,
    fields: list[OrganisationField] | Unset = UNSET,
    include: list[OrganisationInclude] | Unset = UNSET,
    sort: list[OrganisationSort] | Unset = UNSET,
    facets: list[OrganisationFacet] | Unset = UNSET,

) -> Response[Problem | str]:
    """ Export organisations

     Every organisation matching the filters, as CSV or NDJSON (the same parameters as the
    list); with `limit=`, one page of them and a `Link` header to the next.

    Args:
        format_ (ExportOrganisationsFormat): The export's format: csv, ndjson.
        limit (int | None | Unset): Page size, 1–200; a page defaults to 50. An export (CSV,
            NDJSON, iCalendar) gives every match unless a limit is given.
        cursor (None | str | Unset): Opaque cursor from `meta.next_cursor` or `links.next`; only a
            cursor this service issued, for the same order, is taken.
        count (bool | Unset): Add the exact number of matches as `meta.count` (an export, with no
            `meta`, ignores it). Default: False.
        q (None | str | Unset): Full-text search: words, "phrases", OR, -exclusions. British and
            American spellings match each other.
        source (None | str | Unset): Only records cited by this source (a source slug).
        basis (BasisLevel | None | Unset): Keep only records whose filtered fields (the dates,
            place, country, speaker, organisation or area a filter names) rest at most this far from
            the cited words: `stated` (the evidence contains the value), `inferred` (stated or read
            from the documents), `external` (any). With no such filter given, every value of the
            record must. Each record's `basis` lists what its values rest on.
        kind (list[OrganisationKind] | Unset): Organisation kind. Repeatable.
        parent (None | str | Unset): Only the direct parts of this body.
        country (None | str | Unset): Country, any case.
        fields (list[OrganisationField] | Unset): Sparse fieldset: only these top-level fields,
            and `slug`, in each record.
        include (list[OrganisationInclude] | Unset): Embed these related records in full, in place
            of their references.
        sort (list[OrganisationSort] | Unset): Sort keys in order, `-` for descending (default
            `name`); the slug breaks ties. A field sorted by already adds nothing.
        facets (list[OrganisationFacet] | Unset): Counts per value, for the records matched (an
            export ignores it).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
     """


    kwargs = _get_kwargs(
        format_=format_,
limit=limit,
cursor=cursor,
count=count,
q=q,
source=source,
basis=basis,
kind=kind,
parent=parent,
country=country,
fields=fields,
include=include,
sort=sort,
facets=facets,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    format_: ExportOrganisationsFormat,
    *,
    client: AuthenticatedClient | Client,
    limit: int | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    count: bool | Unset = False,
    q: None | str | Unset = UNSET,
    source: None | str | Unset = UNSET,
    basis: BasisLevel | None | Unset = UNSET,
    kind: list[OrganisationKind] | Unset = UNSET,
    parent: None | str | Unset = UNSET,
    country: None | str | Unset = UNSET,
    fields: list[OrganisationField] | Unset = UNSET,
    include: list[OrganisationInclude] | Unset = UNSET,
    sort: list[OrganisationSort] | Unset = UNSET,
    facets: list[OrganisationFacet] | Unset = UNSET,

) -> Problem | str | None:
    """ Export organisations

     Every organisation matching the filters, as CSV or NDJSON (the same parameters as the
    list); with `limit=`, one page of them and a `Link` header to the next.

    Args:
        format_ (ExportOrganisationsFormat): The export's format: csv, ndjson.
        limit (int | None | Unset): Page size, 1–200; a page defaults to 50. An export (CSV,
            NDJSON, iCalendar) gives every match unless a limit is given.
        cursor (None | str | Unset): Opaque cursor from `meta.next_cursor` or `links.next`; only a
            cursor this service issued, for the same order, is taken.
        count (bool | Unset): Add the exact number of matches as `meta.count` (an export, with no
            `meta`, ignores it). Default: False.
        q (None | str | Unset): Full-text search: words, "phrases", OR, -exclusions. British and
            American spellings match each other.
        source (None | str | Unset): Only records cited by this source (a source slug).
        basis (BasisLevel | None | Unset): Keep only records whose filtered fields (the dates,
            place, country, speaker, organisation or area a filter names) rest at most this far from
            the cited words: `stated` (the evidence contains the value), `inferred` (stated or read
            from the documents), `external` (any). With no such filter given, every value of the
            record must. Each record's `basis` lists what its values rest on.
        kind (list[OrganisationKind] | Unset): Organisation kind. Repeatable.
        parent (None | str | Unset): Only the direct parts of this body.
        country (None | str | Unset): Country, any case.
        fields (list[OrganisationField] | Unset): Sparse fieldset: only these top-level fields,
            and `slug`, in each record.
        include (list[OrganisationInclude] | Unset): Embed these related records in full, in place
            of their references.
        sort (list[OrganisationSort] | Unset): Sort keys in order, `-` for descending (default
            `name`); the slug breaks ties. A field sorted by already adds nothing.
        facets (list[OrganisationFacet] | Unset): Counts per value, for the records matched (an
            export ignores it).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
     """


    return (await asyncio_detailed(
        format_=format_,
client=client,
limit=limit,
cursor=cursor,
count=count,
q=q,
source=source,
basis=basis,
kind=kind,
parent=parent,
country=country,
fields=fields,
include=include,
sort=sort,
facets=facets,

    )).parsed
