from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.envelope_release_public import EnvelopeReleasePublic
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

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
        "url": "/v1/releases",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> EnvelopeReleasePublic | Problem | None:
    if response.status_code == 200:
        response_200 = EnvelopeReleasePublic.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[EnvelopeReleasePublic | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> Response[EnvelopeReleasePublic | Problem]:
    """ List the dataset's releases

     Every release of the dataset, newest first: each seed run that changed the data,
    with what it changed, by action. The newest is the one served (`current`).

    Args:
        limit (int | Unset): Releases per page. Default: 50.
        cursor (None | str | Unset): Opaque cursor from `meta.next_cursor` or `links.next`; only a
            cursor this service issued, for the same order, is taken.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnvelopeReleasePublic | Problem]
     """


    kwargs = _get_kwargs(
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
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> EnvelopeReleasePublic | Problem | None:
    """ List the dataset's releases

     Every release of the dataset, newest first: each seed run that changed the data,
    with what it changed, by action. The newest is the one served (`current`).

    Args:
        limit (int | Unset): Releases per page. Default: 50.
        cursor (None | str | Unset): Opaque cursor from `meta.next_cursor` or `links.next`; only a
            cursor this service issued, for the same order, is taken.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnvelopeReleasePublic | Problem
     """


    return sync_detailed(
        client=client,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> Response[EnvelopeReleasePublic | Problem]:
    """ List the dataset's releases

     Every release of the dataset, newest first: each seed run that changed the data,
    with what it changed, by action. The newest is the one served (`current`).

    Args:
        limit (int | Unset): Releases per page. Default: 50.
        cursor (None | str | Unset): Opaque cursor from `meta.next_cursor` or `links.next`; only a
            cursor this service issued, for the same order, is taken.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnvelopeReleasePublic | Problem]
     """


    kwargs = _get_kwargs(
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
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,

) -> EnvelopeReleasePublic | Problem | None:
    """ List the dataset's releases

     Every release of the dataset, newest first: each seed run that changed the data,
    with what it changed, by action. The newest is the one served (`current`).

    Args:
        limit (int | Unset): Releases per page. Default: 50.
        cursor (None | str | Unset): Opaque cursor from `meta.next_cursor` or `links.next`; only a
            cursor this service issued, for the same order, is taken.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnvelopeReleasePublic | Problem
     """


    return (await asyncio_detailed(
        client=client,
limit=limit,
cursor=cursor,

    )).parsed
