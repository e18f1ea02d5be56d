from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.basis_level import BasisLevel
from ...models.problem import Problem
from ...models.search_results import SearchResults
from ...models.search_type import SearchType
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    q: str,
    type_: list[SearchType] | Unset = UNSET,
    basis: BasisLevel | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["q"] = q

    json_type_: list[str] | Unset = UNSET
    if not isinstance(type_, Unset):
        json_type_ = []
        for type_item_data in type_:
            type_item = type_item_data.value
            json_type_.append(type_item)


    params["type"] = json_type_

    json_basis: None | str | Unset
    if isinstance(basis, Unset):
        json_basis = UNSET
    elif isinstance(basis, BasisLevel):
        json_basis = basis.value
    else:
        json_basis = basis
    params["basis"] = json_basis

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/search",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | SearchResults | None:
    if response.status_code == 200:
        response_200 = SearchResults.from_dict(response.json())



        return response_200

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | SearchResults]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    q: str,
    type_: list[SearchType] | Unset = UNSET,
    basis: BasisLevel | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> Response[Problem | SearchResults]:
    """ Search every resource

     Ranked hits across events, programmes, areas, quotes, people, organisations and
    sources, each with its type, slug, title and a highlighted snippet.

    Every match is ranked, by BM25 in the service's search index (titles weigh four
    times the body), the same way whichever database serves the data; equal ranks keep
    one fixed order, so pages never repeat or skip a hit. While the index of a new
    dataset version is being built, the answer is 503 with Retry-After.

    Args:
        q (str): Words, "phrases", OR and -exclusions; British and American spellings match each
            other, and an area's aliases find the area.
        type_ (list[SearchType] | Unset): Search only these resources (default: all).
        basis (BasisLevel | None | Unset): Keep only records all of whose values rest at most this
            far from the cited words: `stated`, `inferred` (stated or read from the documents) or
            `external` (any).
        limit (int | Unset): Hits per page. Default: 20.
        cursor (None | str | Unset): Opaque cursor from `meta.next_cursor` or `links.next`; only a
            cursor this service issued, for the same order, is taken.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SearchResults]
     """


    kwargs = _get_kwargs(
        q=q,
type_=type_,
basis=basis,
limit=limit,
cursor=cursor,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    q: str,
    type_: list[SearchType] | Unset = UNSET,
    basis: BasisLevel | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> Problem | SearchResults | None:
    """ Search every resource

     Ranked hits across events, programmes, areas, quotes, people, organisations and
    sources, each with its type, slug, title and a highlighted snippet.

    Every match is ranked, by BM25 in the service's search index (titles weigh four
    times the body), the same way whichever database serves the data; equal ranks keep
    one fixed order, so pages never repeat or skip a hit. While the index of a new
    dataset version is being built, the answer is 503 with Retry-After.

    Args:
        q (str): Words, "phrases", OR and -exclusions; British and American spellings match each
            other, and an area's aliases find the area.
        type_ (list[SearchType] | Unset): Search only these resources (default: all).
        basis (BasisLevel | None | Unset): Keep only records all of whose values rest at most this
            far from the cited words: `stated`, `inferred` (stated or read from the documents) or
            `external` (any).
        limit (int | Unset): Hits per page. Default: 20.
        cursor (None | str | Unset): Opaque cursor from `meta.next_cursor` or `links.next`; only a
            cursor this service issued, for the same order, is taken.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SearchResults
     """


    return sync_detailed(
        client=client,
q=q,
type_=type_,
basis=basis,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    q: str,
    type_: list[SearchType] | Unset = UNSET,
    basis: BasisLevel | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> Response[Problem | SearchResults]:
    """ Search every resource

     Ranked hits across events, programmes, areas, quotes, people, organisations and
    sources, each with its type, slug, title and a highlighted snippet.

    Every match is ranked, by BM25 in the service's search index (titles weigh four
    times the body), the same way whichever database serves the data; equal ranks keep
    one fixed order, so pages never repeat or skip a hit. While the index of a new
    dataset version is being built, the answer is 503 with Retry-After.

    Args:
        q (str): Words, "phrases", OR and -exclusions; British and American spellings match each
            other, and an area's aliases find the area.
        type_ (list[SearchType] | Unset): Search only these resources (default: all).
        basis (BasisLevel | None | Unset): Keep only records all of whose values rest at most this
            far from the cited words: `stated`, `inferred` (stated or read from the documents) or
            `external` (any).
        limit (int | Unset): Hits per page. Default: 20.
        cursor (None | str | Unset): Opaque cursor from `meta.next_cursor` or `links.next`; only a
            cursor this service issued, for the same order, is taken.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SearchResults]
     """


    kwargs = _get_kwargs(
        q=q,
type_=type_,
basis=basis,
limit=limit,
cursor=cursor,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    q: str,
    type_: list[SearchType] | Unset = UNSET,
    basis: BasisLevel | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,

) -> Problem | SearchResults | None:
    """ Search every resource

     Ranked hits across events, programmes, areas, quotes, people, organisations and
    sources, each with its type, slug, title and a highlighted snippet.

    Every match is ranked, by BM25 in the service's search index (titles weigh four
    times the body), the same way whichever database serves the data; equal ranks keep
    one fixed order, so pages never repeat or skip a hit. While the index of a new
    dataset version is being built, the answer is 503 with Retry-After.

    Args:
        q (str): Words, "phrases", OR and -exclusions; British and American spellings match each
            other, and an area's aliases find the area.
        type_ (list[SearchType] | Unset): Search only these resources (default: all).
        basis (BasisLevel | None | Unset): Keep only records all of whose values rest at most this
            far from the cited words: `stated`, `inferred` (stated or read from the documents) or
            `external` (any).
        limit (int | Unset): Hits per page. Default: 20.
        cursor (None | str | Unset): Opaque cursor from `meta.next_cursor` or `links.next`; only a
            cursor this service issued, for the same order, is taken.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SearchResults
     """


    return (await asyncio_detailed(
        client=client,
q=q,
type_=type_,
basis=basis,
limit=limit,
cursor=cursor,

    )).parsed
