from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.basis_level import BasisLevel
from ...models.envelope_person_public import EnvelopePersonPublic
from ...models.person_facet import PersonFacet
from ...models.person_field import PersonField
from ...models.person_include import PersonInclude
from ...models.person_sort import PersonSort
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    limit: int | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    count: bool | Unset = False,
    q: None | str | Unset = UNSET,
    source: None | str | Unset = UNSET,
    basis: BasisLevel | None | Unset = UNSET,
    organisation: list[str] | Unset = UNSET,
    country: None | str | Unset = UNSET,
    fields: list[PersonField] | Unset = UNSET,
    include: list[PersonInclude] | Unset = UNSET,
    sort: list[PersonSort] | Unset = UNSET,
    facets: list[PersonFacet] | Unset = UNSET,

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

    json_organisation: list[str] | Unset = UNSET
    if not isinstance(organisation, Unset):
        json_organisation = organisation


    params["organisation"] = json_organisation

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
        "url": "/v1/people",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> EnvelopePersonPublic | Problem | None:
    if response.status_code == 200:
        response_200 = EnvelopePersonPublic.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[EnvelopePersonPublic | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    count: bool | Unset = False,
    q: None | str | Unset = UNSET,
    source: None | str | Unset = UNSET,
    basis: BasisLevel | None | Unset = UNSET,
    organisation: list[str] | Unset = UNSET,
    country: None | str | Unset = UNSET,
    fields: list[PersonField] | Unset = UNSET,
    include: list[PersonInclude] | Unset = UNSET,
    sort: list[PersonSort] | Unset = UNSET,
    facets: list[PersonFacet] | Unset = UNSET,

) -> Response[EnvelopePersonPublic | Problem]:
    """ List people

     Named people with the roles the sources give them.

    Args:
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
        organisation (list[str] | Unset): People holding a role in this organisation (slug).
            Repeatable.
        country (None | str | Unset): Country, any case.
        fields (list[PersonField] | Unset): Sparse fieldset: only these top-level fields, and
            `slug`, in each record.
        include (list[PersonInclude] | Unset): Embed these related records in full, in place of
            their references.
        sort (list[PersonSort] | Unset): Sort keys in order, `-` for descending (default `name`);
            the slug breaks ties. A field sorted by already adds nothing.
        facets (list[PersonFacet] | Unset): Counts per value, for the records matched (an export
            ignores it).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnvelopePersonPublic | Problem]
     """


    kwargs = _get_kwargs(
        limit=limit,
cursor=cursor,
count=count,
q=q,
source=source,
basis=basis,
organisation=organisation,
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
    *,
    client: AuthenticatedClient | Client,
    limit: int | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    count: bool | Unset = False,
    q: None | str | Unset = UNSET,
    source: None | str | Unset = UNSET,
    basis: BasisLevel | None | Unset = UNSET,
    organisation: list[str] | Unset = UNSET,
    country: None | str | Unset = UNSET,
    fields: list[PersonField] | Unset = UNSET,
    include: list[PersonInclude] | Unset = UNSET,
    sort: list[PersonSort] | Unset = UNSET,
    facets: list[PersonFacet] | Unset = UNSET,

) -> EnvelopePersonPublic | Problem | None:
    """ List people

     Named people with the roles the sources give them.

    Args:
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
        organisation (list[str] | Unset): People holding a role in this organisation (slug).
            Repeatable.
        country (None | str | Unset): Country, any case.
        fields (list[PersonField] | Unset): Sparse fieldset: only these top-level fields, and
            `slug`, in each record.
        include (list[PersonInclude] | Unset): Embed these related records in full, in place of
            their references.
        sort (list[PersonSort] | Unset): Sort keys in order, `-` for descending (default `name`);
            the slug breaks ties. A field sorted by already adds nothing.
        facets (list[PersonFacet] | Unset): Counts per value, for the records matched (an export
            ignores it).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnvelopePersonPublic | Problem
     """


    return sync_detailed(
        client=client,
limit=limit,
cursor=cursor,
count=count,
q=q,
source=source,
basis=basis,
organisation=organisation,
country=country,
fields=fields,
include=include,
sort=sort,
facets=facets,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    count: bool | Unset = False,
    q: None | str | Unset = UNSET,
    source: None | str | Unset = UNSET,
    basis: BasisLevel | None | Unset = UNSET,
    organisation: list[str] | Unset = UNSET,
    country: None | str | Unset = UNSET,
    fields: list[PersonField] | Unset = UNSET,
    include: list[PersonInclude] | Unset = UNSET,
    sort: list[PersonSort] | Unset = UNSET,
    facets: list[PersonFacet] | Unset = UNSET,

) -> Response[EnvelopePersonPublic | Problem]:
    """ List people

     Named people with the roles the sources give them.

    Args:
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
        organisation (list[str] | Unset): People holding a role in this organisation (slug).
            Repeatable.
        country (None | str | Unset): Country, any case.
        fields (list[PersonField] | Unset): Sparse fieldset: only these top-level fields, and
            `slug`, in each record.
        include (list[PersonInclude] | Unset): Embed these related records in full, in place of
            their references.
        sort (list[PersonSort] | Unset): Sort keys in order, `-` for descending (default `name`);
            the slug breaks ties. A field sorted by already adds nothing.
        facets (list[PersonFacet] | Unset): Counts per value, for the records matched (an export
            ignores it).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnvelopePersonPublic | Problem]
     """


    kwargs = _get_kwargs(
        limit=limit,
cursor=cursor,
count=count,
q=q,
source=source,
basis=basis,
organisation=organisation,
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
    *,
    client: AuthenticatedClient | Client,
    limit: int | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    count: bool | Unset = False,
    q: None | str | Unset = UNSET,
    source: None | str | Unset = UNSET,
    basis: BasisLevel | None | Unset = UNSET,
    organisation: list[str] | Unset = UNSET,
    country: None | str | Unset = UNSET,
    fields: list[PersonField] | Unset = UNSET,
    include: list[PersonInclude] | Unset = UNSET,
    sort: list[PersonSort] | Unset = UNSET,
    facets: list[PersonFacet] | Unset = UNSET,

) -> EnvelopePersonPublic | Problem | None:
    """ List people

     Named people with the roles the sources give them.

    Args:
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
        organisation (list[str] | Unset): People holding a role in this organisation (slug).
            Repeatable.
        country (None | str | Unset): Country, any case.
        fields (list[PersonField] | Unset): Sparse fieldset: only these top-level fields, and
            `slug`, in each record.
        include (list[PersonInclude] | Unset): Embed these related records in full, in place of
            their references.
        sort (list[PersonSort] | Unset): Sort keys in order, `-` for descending (default `name`);
            the slug breaks ties. A field sorted by already adds nothing.
        facets (list[PersonFacet] | Unset): Counts per value, for the records matched (an export
            ignores it).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnvelopePersonPublic | Problem
     """


    return (await asyncio_detailed(
        client=client,
limit=limit,
cursor=cursor,
count=count,
q=q,
source=source,
basis=basis,
organisation=organisation,
country=country,
fields=fields,
include=include,
sort=sort,
facets=facets,

    )).parsed
