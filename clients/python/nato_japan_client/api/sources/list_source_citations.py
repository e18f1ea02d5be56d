from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.citation_field import CitationField
from ...models.citation_sort import CitationSort
from ...models.envelope_citation_in_source import EnvelopeCitationInSource
from ...models.list_source_citations_type_item import ListSourceCitationsTypeItem
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    slug: str,
    *,
    limit: int | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    count: bool | Unset = False,
    type_: list[ListSourceCitationsTypeItem] | Unset = UNSET,
    fields: list[CitationField] | Unset = UNSET,
    sort: list[CitationSort] | Unset = UNSET,

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

    json_type_: list[str] | Unset = UNSET
    if not isinstance(type_, Unset):
        json_type_ = []
        for type_item_data in type_:
            type_item = type_item_data.value
            json_type_.append(type_item)


    params["type"] = json_type_

    json_fields: list[str] | Unset = UNSET
    if not isinstance(fields, Unset):
        json_fields = []
        for fields_item_data in fields:
            fields_item = fields_item_data.value
            json_fields.append(fields_item)


    params["fields"] = json_fields

    json_sort: list[str] | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = []
        for sort_item_data in sort:
            sort_item = sort_item_data.value
            json_sort.append(sort_item)


    params["sort"] = json_sort


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/sources/{slug}/citations".format(slug=quote(str(slug), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | EnvelopeCitationInSource | Problem | None:
    if response.status_code == 200:
        response_200 = EnvelopeCitationInSource.from_dict(response.json())



        return response_200

    if response.status_code == 301:
        response_301 = cast(Any, None)
        return response_301

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())



        return response_404

    if response.status_code == 406:
        response_406 = Problem.from_dict(response.json())



        return response_406

    if response.status_code == 410:
        response_410 = Problem.from_dict(response.json())



        return response_410

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | EnvelopeCitationInSource | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    slug: str,
    *,
    client: AuthenticatedClient | Client,
    limit: int | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    count: bool | Unset = False,
    type_: list[ListSourceCitationsTypeItem] | Unset = UNSET,
    fields: list[CitationField] | Unset = UNSET,
    sort: list[CitationSort] | Unset = UNSET,

) -> Response[Any | EnvelopeCitationInSource | Problem]:
    """ List the citations that point into a source

     Every citation into the source with its offsets, in text order, to highlight it.

    `text[start:end] == evidence` for the source's `text` from `GET /v1/sources/{slug}`.

    Args:
        slug (str): Source slug.
        limit (int | None | Unset): Page size, 1–200; a page defaults to 50. An export (CSV,
            NDJSON, iCalendar) gives every match unless a limit is given.
        cursor (None | str | Unset): Opaque cursor from `meta.next_cursor` or `links.next`; only a
            cursor this service issued, for the same order, is taken.
        count (bool | Unset): Add the exact number of matches as `meta.count` (an export, with no
            `meta`, ignores it). Default: False.
        type_ (list[ListSourceCitationsTypeItem] | Unset): Only citations of these record types.
            Repeatable.
        fields (list[CitationField] | Unset): Sparse fieldset: only these top-level fields in each
            record.
        sort (list[CitationSort] | Unset): Sort keys in order, `-` for descending (default
            `start`); the id breaks ties. A field sorted by already adds nothing.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | EnvelopeCitationInSource | Problem]
     """


    kwargs = _get_kwargs(
        slug=slug,
limit=limit,
cursor=cursor,
count=count,
type_=type_,
fields=fields,
sort=sort,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    slug: str,
    *,
    client: AuthenticatedClient | Client,
    limit: int | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    count: bool | Unset = False,
    type_: list[ListSourceCitationsTypeItem] | Unset = UNSET,
    fields: list[CitationField] | Unset = UNSET,
    sort: list[CitationSort] | Unset = UNSET,

) -> Any | EnvelopeCitationInSource | Problem | None:
    """ List the citations that point into a source

     Every citation into the source with its offsets, in text order, to highlight it.

    `text[start:end] == evidence` for the source's `text` from `GET /v1/sources/{slug}`.

    Args:
        slug (str): Source slug.
        limit (int | None | Unset): Page size, 1–200; a page defaults to 50. An export (CSV,
            NDJSON, iCalendar) gives every match unless a limit is given.
        cursor (None | str | Unset): Opaque cursor from `meta.next_cursor` or `links.next`; only a
            cursor this service issued, for the same order, is taken.
        count (bool | Unset): Add the exact number of matches as `meta.count` (an export, with no
            `meta`, ignores it). Default: False.
        type_ (list[ListSourceCitationsTypeItem] | Unset): Only citations of these record types.
            Repeatable.
        fields (list[CitationField] | Unset): Sparse fieldset: only these top-level fields in each
            record.
        sort (list[CitationSort] | Unset): Sort keys in order, `-` for descending (default
            `start`); the id breaks ties. A field sorted by already adds nothing.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | EnvelopeCitationInSource | Problem
     """


    return sync_detailed(
        slug=slug,
client=client,
limit=limit,
cursor=cursor,
count=count,
type_=type_,
fields=fields,
sort=sort,

    ).parsed

async def asyncio_detailed(
    slug: str,
    *,
    client: AuthenticatedClient | Client,
    limit: int | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    count: bool | Unset = False,
    type_: list[ListSourceCitationsTypeItem] | Unset = UNSET,
    fields: list[CitationField] | Unset = UNSET,
    sort: list[CitationSort] | Unset = UNSET,

) -> Response[Any | EnvelopeCitationInSource | Problem]:
    """ List the citations that point into a source

     Every citation into the source with its offsets, in text order, to highlight it.

    `text[start:end] == evidence` for the source's `text` from `GET /v1/sources/{slug}`.

    Args:
        slug (str): Source slug.
        limit (int | None | Unset): Page size, 1–200; a page defaults to 50. An export (CSV,
            NDJSON, iCalendar) gives every match unless a limit is given.
        cursor (None | str | Unset): Opaque cursor from `meta.next_cursor` or `links.next`; only a
            cursor this service issued, for the same order, is taken.
        count (bool | Unset): Add the exact number of matches as `meta.count` (an export, with no
            `meta`, ignores it). Default: False.
        type_ (list[ListSourceCitationsTypeItem] | Unset): Only citations of these record types.
            Repeatable.
        fields (list[CitationField] | Unset): Sparse fieldset: only these top-level fields in each
            record.
        sort (list[CitationSort] | Unset): Sort keys in order, `-` for descending (default
            `start`); the id breaks ties. A field sorted by already adds nothing.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | EnvelopeCitationInSource | Problem]
     """


    kwargs = _get_kwargs(
        slug=slug,
limit=limit,
cursor=cursor,
count=count,
type_=type_,
fields=fields,
sort=sort,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    slug: str,
    *,
    client: AuthenticatedClient | Client,
    limit: int | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    count: bool | Unset = False,
    type_: list[ListSourceCitationsTypeItem] | Unset = UNSET,
    fields: list[CitationField] | Unset = UNSET,
    sort: list[CitationSort] | Unset = UNSET,

) -> Any | EnvelopeCitationInSource | Problem | None:
    """ List the citations that point into a source

     Every citation into the source with its offsets, in text order, to highlight it.

    `text[start:end] == evidence` for the source's `text` from `GET /v1/sources/{slug}`.

    Args:
        slug (str): Source slug.
        limit (int | None | Unset): Page size, 1–200; a page defaults to 50. An export (CSV,
            NDJSON, iCalendar) gives every match unless a limit is given.
        cursor (None | str | Unset): Opaque cursor from `meta.next_cursor` or `links.next`; only a
            cursor this service issued, for the same order, is taken.
        count (bool | Unset): Add the exact number of matches as `meta.count` (an export, with no
            `meta`, ignores it). Default: False.
        type_ (list[ListSourceCitationsTypeItem] | Unset): Only citations of these record types.
            Repeatable.
        fields (list[CitationField] | Unset): Sparse fieldset: only these top-level fields in each
            record.
        sort (list[CitationSort] | Unset): Sort keys in order, `-` for descending (default
            `start`); the id breaks ties. A field sorted by already adds nothing.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | EnvelopeCitationInSource | Problem
     """


    return (await asyncio_detailed(
        slug=slug,
client=client,
limit=limit,
cursor=cursor,
count=count,
type_=type_,
fields=fields,
sort=sort,

    )).parsed
