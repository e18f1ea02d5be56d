from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.basis_level import BasisLevel
from ...models.envelope_timeline_year import EnvelopeTimelineYear
from ...models.event_kind import EventKind
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    *,
    from_: datetime.date | None | str | Unset = UNSET,
    to: datetime.date | None | str | Unset = UNSET,
    kind: list[EventKind] | Unset = UNSET,
    area: list[str] | Unset = UNSET,
    programme: list[str] | Unset = UNSET,
    person: list[str] | Unset = UNSET,
    organisation: list[str] | Unset = UNSET,
    place: None | str | Unset = UNSET,
    country: None | str | Unset = UNSET,
    milestones: bool | Unset = True,
    q: None | str | Unset = UNSET,
    source: None | str | Unset = UNSET,
    basis: BasisLevel | None | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_from_: None | str | Unset
    if isinstance(from_, Unset):
        json_from_ = UNSET
    elif isinstance(from_, datetime.date):
        json_from_ = from_.isoformat()
    else:
        json_from_ = from_
    params["from"] = json_from_

    json_to: None | str | Unset
    if isinstance(to, Unset):
        json_to = UNSET
    elif isinstance(to, datetime.date):
        json_to = to.isoformat()
    else:
        json_to = to
    params["to"] = json_to

    json_kind: list[str] | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = []
        for kind_item_data in kind:
            kind_item = kind_item_data.value
            json_kind.append(kind_item)


    params["kind"] = json_kind

    json_area: list[str] | Unset = UNSET
    if not isinstance(area, Unset):
        json_area = area


    params["area"] = json_area

    json_programme: list[str] | Unset = UNSET
    if not isinstance(programme, Unset):
        json_programme = programme


    params["programme"] = json_programme

    json_person: list[str] | Unset = UNSET
    if not isinstance(person, Unset):
        json_person = person


    params["person"] = json_person

    json_organisation: list[str] | Unset = UNSET
    if not isinstance(organisation, Unset):
        json_organisation = organisation


    params["organisation"] = json_organisation

    json_place: None | str | Unset
    if isinstance(place, Unset):
        json_place = UNSET
    else:
        json_place = place
    params["place"] = json_place

    json_country: None | str | Unset
    if isinstance(country, Unset):
        json_country = UNSET
    else:
        json_country = country
    params["country"] = json_country

    params["milestones"] = milestones

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
        "url": "/v1/timeline",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> EnvelopeTimelineYear | Problem | None:
    if response.status_code == 200:
        response_200 = EnvelopeTimelineYear.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[EnvelopeTimelineYear | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    from_: datetime.date | None | str | Unset = UNSET,
    to: datetime.date | None | str | Unset = UNSET,
    kind: list[EventKind] | Unset = UNSET,
    area: list[str] | Unset = UNSET,
    programme: list[str] | Unset = UNSET,
    person: list[str] | Unset = UNSET,
    organisation: list[str] | Unset = UNSET,
    place: None | str | Unset = UNSET,
    country: None | str | Unset = UNSET,
    milestones: bool | Unset = True,
    q: None | str | Unset = UNSET,
    source: None | str | Unset = UNSET,
    basis: BasisLevel | None | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,

) -> Response[EnvelopeTimelineYear | Problem]:
    """ Timeline of events and programme milestones

     Events and programme milestones in date order, grouped by year.

    Takes the events list's filters. A year's items continue on the next page when a
    page ends inside it. Undated events are not on the timeline.

    Args:
        from_ (datetime.date | None | str | Unset): Start of a date range: `2013`, `2013-04` or
            `2013-04-15`. Records whose span (at its precision) overlaps the range match.
        to (datetime.date | None | str | Unset): End of the date range, inclusive, partial dates
            allowed.
        kind (list[EventKind] | Unset): Event kind; repeat for any of several.
        area (list[str] | Unset): Area slug; matches its sub-areas too. Repeatable.
        programme (list[str] | Unset): Programme slug. Repeatable.
        person (list[str] | Unset): Person slug. Repeatable.
        organisation (list[str] | Unset): Organisation slug. Repeatable.
        place (None | str | Unset): Part of the place name, any case.
        country (None | str | Unset): Country of the place, any case.
        milestones (bool | Unset): Include programmes coming into force and ending. Event-only
            filters (kind, person, organisation, place, country) leave them out. Default: True.
        q (None | str | Unset): Full-text search.
        source (None | str | Unset): Only records cited by this source.
        basis (BasisLevel | None | Unset): Keep only records whose filtered fields (the dates,
            place, country, speaker, organisation or area a filter names) rest at most this far from
            the cited words: `stated` (the evidence contains the value), `inferred` (stated or read
            from the documents), `external` (any). With no such filter given, every value of the
            record must. Each record's `basis` lists what its values rest on.
        limit (int | Unset): Items per page. Default: 100.
        cursor (None | str | Unset): Opaque cursor from `meta.next_cursor` or `links.next`; only a
            cursor this service issued, for the same order, is taken.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnvelopeTimelineYear | Problem]
     """


    kwargs = _get_kwargs(
        from_=from_,
to=to,
kind=kind,
area=area,
programme=programme,
person=person,
organisation=organisation,
place=place,
country=country,
milestones=milestones,
q=q,
source=source,
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
    from_: datetime.date | None | str | Unset = UNSET,
    to: datetime.date | None | str | Unset = UNSET,
    kind: list[EventKind] | Unset = UNSET,
    area: list[str] | Unset = UNSET,
    programme: list[str] | Unset = UNSET,
    person: list[str] | Unset = UNSET,
    organisation: list[str] | Unset = UNSET,
    place: None | str | Unset = UNSET,
    country: None | str | Unset = UNSET,
    milestones: bool | Unset = True,
    q: None | str | Unset = UNSET,
    source: None | str | Unset = UNSET,
    basis: BasisLevel | None | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,

) -> EnvelopeTimelineYear | Problem | None:
    """ Timeline of events and programme milestones

     Events and programme milestones in date order, grouped by year.

    Takes the events list's filters. A year's items continue on the next page when a
    page ends inside it. Undated events are not on the timeline.

    Args:
        from_ (datetime.date | None | str | Unset): Start of a date range: `2013`, `2013-04` or
            `2013-04-15`. Records whose span (at its precision) overlaps the range match.
        to (datetime.date | None | str | Unset): End of the date range, inclusive, partial dates
            allowed.
        kind (list[EventKind] | Unset): Event kind; repeat for any of several.
        area (list[str] | Unset): Area slug; matches its sub-areas too. Repeatable.
        programme (list[str] | Unset): Programme slug. Repeatable.
        person (list[str] | Unset): Person slug. Repeatable.
        organisation (list[str] | Unset): Organisation slug. Repeatable.
        place (None | str | Unset): Part of the place name, any case.
        country (None | str | Unset): Country of the place, any case.
        milestones (bool | Unset): Include programmes coming into force and ending. Event-only
            filters (kind, person, organisation, place, country) leave them out. Default: True.
        q (None | str | Unset): Full-text search.
        source (None | str | Unset): Only records cited by this source.
        basis (BasisLevel | None | Unset): Keep only records whose filtered fields (the dates,
            place, country, speaker, organisation or area a filter names) rest at most this far from
            the cited words: `stated` (the evidence contains the value), `inferred` (stated or read
            from the documents), `external` (any). With no such filter given, every value of the
            record must. Each record's `basis` lists what its values rest on.
        limit (int | Unset): Items per page. Default: 100.
        cursor (None | str | Unset): Opaque cursor from `meta.next_cursor` or `links.next`; only a
            cursor this service issued, for the same order, is taken.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnvelopeTimelineYear | Problem
     """


    return sync_detailed(
        client=client,
from_=from_,
to=to,
kind=kind,
area=area,
programme=programme,
person=person,
organisation=organisation,
place=place,
country=country,
milestones=milestones,
q=q,
source=source,
basis=basis,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    from_: datetime.date | None | str | Unset = UNSET,
    to: datetime.date | None | str | Unset = UNSET,
    kind: list[EventKind] | Unset = UNSET,
    area: list[str] | Unset = UNSET,
    programme: list[str] | Unset = UNSET,
    person: list[str] | Unset = UNSET,
    organisation: list[str] | Unset = UNSET,
    place: None | str | Unset = UNSET,
    country: None | str | Unset = UNSET,
    milestones: bool | Unset = True,
    q: None | str | Unset = UNSET,
    source: None | str | Unset = UNSET,
    basis: BasisLevel | None | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,

) -> Response[EnvelopeTimelineYear | Problem]:
    """ Timeline of events and programme milestones

     Events and programme milestones in date order, grouped by year.

    Takes the events list's filters. A year's items continue on the next page when a
    page ends inside it. Undated events are not on the timeline.

    Args:
        from_ (datetime.date | None | str | Unset): Start of a date range: `2013`, `2013-04` or
            `2013-04-15`. Records whose span (at its precision) overlaps the range match.
        to (datetime.date | None | str | Unset): End of the date range, inclusive, partial dates
            allowed.
        kind (list[EventKind] | Unset): Event kind; repeat for any of several.
        area (list[str] | Unset): Area slug; matches its sub-areas too. Repeatable.
        programme (list[str] | Unset): Programme slug. Repeatable.
        person (list[str] | Unset): Person slug. Repeatable.
        organisation (list[str] | Unset): Organisation slug. Repeatable.
        place (None | str | Unset): Part of the place name, any case.
        country (None | str | Unset): Country of the place, any case.
        milestones (bool | Unset): Include programmes coming into force and ending. Event-only
            filters (kind, person, organisation, place, country) leave them out. Default: True.
        q (None | str | Unset): Full-text search.
        source (None | str | Unset): Only records cited by this source.
        basis (BasisLevel | None | Unset): Keep only records whose filtered fields (the dates,
            place, country, speaker, organisation or area a filter names) rest at most this far from
            the cited words: `stated` (the evidence contains the value), `inferred` (stated or read
            from the documents), `external` (any). With no such filter given, every value of the
            record must. Each record's `basis` lists what its values rest on.
        limit (int | Unset): Items per page. Default: 100.
        cursor (None | str | Unset): Opaque cursor from `meta.next_cursor` or `links.next`; only a
            cursor this service issued, for the same order, is taken.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnvelopeTimelineYear | Problem]
     """


    kwargs = _get_kwargs(
        from_=from_,
to=to,
kind=kind,
area=area,
programme=programme,
person=person,
organisation=organisation,
place=place,
country=country,
milestones=milestones,
q=q,
source=source,
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
    from_: datetime.date | None | str | Unset = UNSET,
    to: datetime.date | None | str | Unset = UNSET,
    kind: list[EventKind] | Unset = UNSET,
    area: list[str] | Unset = UNSET,
    programme: list[str] | Unset = UNSET,
    person: list[str] | Unset = UNSET,
    organisation: list[str] | Unset = UNSET,
    place: None | str | Unset = UNSET,
    country: None | str | Unset = UNSET,
    milestones: bool | Unset = True,
    q: None | str | Unset = UNSET,
    source: None | str | Unset = UNSET,
    basis: BasisLevel | None | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,

) -> EnvelopeTimelineYear | Problem | None:
    """ Timeline of events and programme milestones

     Events and programme milestones in date order, grouped by year.

    Takes the events list's filters. A year's items continue on the next page when a
    page ends inside it. Undated events are not on the timeline.

    Args:
        from_ (datetime.date | None | str | Unset): Start of a date range: `2013`, `2013-04` or
            `2013-04-15`. Records whose span (at its precision) overlaps the range match.
        to (datetime.date | None | str | Unset): End of the date range, inclusive, partial dates
            allowed.
        kind (list[EventKind] | Unset): Event kind; repeat for any of several.
        area (list[str] | Unset): Area slug; matches its sub-areas too. Repeatable.
        programme (list[str] | Unset): Programme slug. Repeatable.
        person (list[str] | Unset): Person slug. Repeatable.
        organisation (list[str] | Unset): Organisation slug. Repeatable.
        place (None | str | Unset): Part of the place name, any case.
        country (None | str | Unset): Country of the place, any case.
        milestones (bool | Unset): Include programmes coming into force and ending. Event-only
            filters (kind, person, organisation, place, country) leave them out. Default: True.
        q (None | str | Unset): Full-text search.
        source (None | str | Unset): Only records cited by this source.
        basis (BasisLevel | None | Unset): Keep only records whose filtered fields (the dates,
            place, country, speaker, organisation or area a filter names) rest at most this far from
            the cited words: `stated` (the evidence contains the value), `inferred` (stated or read
            from the documents), `external` (any). With no such filter given, every value of the
            record must. Each record's `basis` lists what its values rest on.
        limit (int | Unset): Items per page. Default: 100.
        cursor (None | str | Unset): Opaque cursor from `meta.next_cursor` or `links.next`; only a
            cursor this service issued, for the same order, is taken.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnvelopeTimelineYear | Problem
     """


    return (await asyncio_detailed(
        client=client,
from_=from_,
to=to,
kind=kind,
area=area,
programme=programme,
person=person,
organisation=organisation,
place=place,
country=country,
milestones=milestones,
q=q,
source=source,
basis=basis,
limit=limit,
cursor=cursor,

    )).parsed
