from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.source_detail import SourceDetail
from ...models.source_field import SourceField
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    slug: str,
    *,
    fields: list[SourceField] | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_fields: list[str] | Unset = UNSET
    if not isinstance(fields, Unset):
        json_fields = []
        for fields_item_data in fields:
            fields_item = fields_item_data.value
            json_fields.append(fields_item)


    params["fields"] = json_fields


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/sources/{slug}".format(slug=quote(str(slug), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Problem | SourceDetail | None:
    if response.status_code == 200:
        response_200 = SourceDetail.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Problem | SourceDetail]:
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
    fields: list[SourceField] | Unset = UNSET,

) -> Response[Any | Problem | SourceDetail]:
    """ Get one source document with its full text

     One source with its full verbatim text; citation offsets index into `text`.

    Args:
        slug (str): Source slug.
        fields (list[SourceField] | Unset): Sparse fieldset: only these top-level fields, and
            `slug`, in each record.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | SourceDetail]
     """


    kwargs = _get_kwargs(
        slug=slug,
fields=fields,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    slug: str,
    *,
    client: AuthenticatedClient | Client,
    fields: list[SourceField] | Unset = UNSET,

) -> Any | Problem | SourceDetail | None:
    """ Get one source document with its full text

     One source with its full verbatim text; citation offsets index into `text`.

    Args:
        slug (str): Source slug.
        fields (list[SourceField] | Unset): Sparse fieldset: only these top-level fields, and
            `slug`, in each record.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | SourceDetail
     """


    return sync_detailed(
        slug=slug,
client=client,
fields=fields,

    ).parsed

async def asyncio_detailed(
    slug: str,
    *,
    client: AuthenticatedClient | Client,
    fields: list[SourceField] | Unset = UNSET,

) -> Response[Any | Problem | SourceDetail]:
    """ Get one source document with its full text

     One source with its full verbatim text; citation offsets index into `text`.

    Args:
        slug (str): Source slug.
        fields (list[SourceField] | Unset): Sparse fieldset: only these top-level fields, and
            `slug`, in each record.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | SourceDetail]
     """


    kwargs = _get_kwargs(
        slug=slug,
fields=fields,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    slug: str,
    *,
    client: AuthenticatedClient | Client,
    fields: list[SourceField] | Unset = UNSET,

) -> Any | Problem | SourceDetail | None:
    """ Get one source document with its full text

     One source with its full verbatim text; citation offsets index into `text`.

    Args:
        slug (str): Source slug.
        fields (list[SourceField] | Unset): Sparse fieldset: only these top-level fields, and
            `slug`, in each record.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | SourceDetail
     """


    return (await asyncio_detailed(
        slug=slug,
client=client,
fields=fields,

    )).parsed
