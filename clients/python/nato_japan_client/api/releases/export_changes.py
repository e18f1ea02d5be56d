from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.export_changes_format import ExportChangesFormat
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    format_: ExportChangesFormat,
    *,
    since: None | str | Unset = UNSET,
    limit: int | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_since: None | str | Unset
    if isinstance(since, Unset):
        json_since = UNSET
    else:
        json_since = since
    params["since"] = json_since

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


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/changes.{format_}".format(format_=quote(str(format_), safe=""),),
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
    format_: ExportChangesFormat,
    *,
    client: AuthenticatedClient | Client,
    since: None | str | Unset = UNSET,
    limit: int | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,

) -> Response[Problem | str]:
    """ Export the changes made since a release

     The change feed as CSV or NDJSON: every change after `since`, or with `limit=` one
    page of them and a `Link` header to the next.

    Args:
        format_ (ExportChangesFormat): The export's format: csv, ndjson.
        since (None | str | Unset): A release's version (`latest`: the newest): only the changes
            made after it (keep `meta.data_version` of the last page and pass it next time). Without
            it, every change from the first release on.
        limit (int | None | Unset): Changes per page, 1–200 (50 by default); an export (CSV,
            NDJSON) gives every change unless a limit is given.
        cursor (None | str | Unset): Opaque cursor from `meta.next_cursor` or `links.next`; only a
            cursor this service issued, for the same order, is taken.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
     """


    kwargs = _get_kwargs(
        format_=format_,
since=since,
limit=limit,
cursor=cursor,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    format_: ExportChangesFormat,
    *,
    client: AuthenticatedClient | Client,
    since: None | str | Unset = UNSET,
    limit: int | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,

) -> Problem | str | None:
    """ Export the changes made since a release

     The change feed as CSV or NDJSON: every change after `since`, or with `limit=` one
    page of them and a `Link` header to the next.

    Args:
        format_ (ExportChangesFormat): The export's format: csv, ndjson.
        since (None | str | Unset): A release's version (`latest`: the newest): only the changes
            made after it (keep `meta.data_version` of the last page and pass it next time). Without
            it, every change from the first release on.
        limit (int | None | Unset): Changes per page, 1–200 (50 by default); an export (CSV,
            NDJSON) gives every change unless a limit is given.
        cursor (None | str | Unset): Opaque cursor from `meta.next_cursor` or `links.next`; only a
            cursor this service issued, for the same order, is taken.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
     """


    return sync_detailed(
        format_=format_,
client=client,
since=since,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    format_: ExportChangesFormat,
    *,
    client: AuthenticatedClient | Client,
    since: None | str | Unset = UNSET,
    limit: int | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,

) -> Response[Problem | str]:
    """ Export the changes made since a release

     The change feed as CSV or NDJSON: every change after `since`, or with `limit=` one
    page of them and a `Link` header to the next.

    Args:
        format_ (ExportChangesFormat): The export's format: csv, ndjson.
        since (None | str | Unset): A release's version (`latest`: the newest): only the changes
            made after it (keep `meta.data_version` of the last page and pass it next time). Without
            it, every change from the first release on.
        limit (int | None | Unset): Changes per page, 1–200 (50 by default); an export (CSV,
            NDJSON) gives every change unless a limit is given.
        cursor (None | str | Unset): Opaque cursor from `meta.next_cursor` or `links.next`; only a
            cursor this service issued, for the same order, is taken.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
     """


    kwargs = _get_kwargs(
        format_=format_,
since=since,
limit=limit,
cursor=cursor,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    format_: ExportChangesFormat,
    *,
    client: AuthenticatedClient | Client,
    since: None | str | Unset = UNSET,
    limit: int | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,

) -> Problem | str | None:
    """ Export the changes made since a release

     The change feed as CSV or NDJSON: every change after `since`, or with `limit=` one
    page of them and a `Link` header to the next.

    Args:
        format_ (ExportChangesFormat): The export's format: csv, ndjson.
        since (None | str | Unset): A release's version (`latest`: the newest): only the changes
            made after it (keep `meta.data_version` of the last page and pass it next time). Without
            it, every change from the first release on.
        limit (int | None | Unset): Changes per page, 1–200 (50 by default); an export (CSV,
            NDJSON) gives every change unless a limit is given.
        cursor (None | str | Unset): Opaque cursor from `meta.next_cursor` or `links.next`; only a
            cursor this service issued, for the same order, is taken.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
     """


    return (await asyncio_detailed(
        format_=format_,
client=client,
since=since,
limit=limit,
cursor=cursor,

    )).parsed
