"""HTTP routes for releases, the change feed and each release's data package."""

import json
from collections.abc import Iterable, Iterator
from functools import partial
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request, Response

from app.core.db import DatabaseDep
from app.core.errors import NotFound, problem_responses
from app.core.models import MEDIA_TYPES, Envelope, Format
from app.http.exports import stream
from app.http.links import next_link
from app.http.openapi import query_parameters
from app.http.operations import export_format, export_responses
from app.http.responses import accept, json_response, other_page
from app.query.csv_rows import csv_columns, csv_lines
from app.query.params import QueryModel
from app.releases import service
from app.releases.models import (
    VERSION,
    ChangePublic,
    ChangeQuery,
    ReleaseDetail,
    ReleasePublic,
    ReleaseQuery,
)
from app.releases.package import package
from app.rendering import RESOURCES

router = APIRouter(tags=["releases"])
RELEASES = QueryModel(ReleaseQuery)
CHANGES = QueryModel(ChangeQuery)
DEFAULT_CHANGES = 50
EXPORTS = (Format.csv, Format.ndjson)
Version = Annotated[
    str,
    Path(
        description="A release's version, or `latest` for the newest release.",
        pattern=VERSION,
        max_length=106,
        examples=["latest"],
    ),
]


@router.get(
    "/v1/releases",
    response_model=Envelope[ReleasePublic],
    operation_id="listReleases",
    summary="List the dataset's releases",
    responses=problem_responses(406, 422, 503),
    openapi_extra=query_parameters(RELEASES.model),
)
async def list_releases(
    request: Request, query: Annotated[ReleaseQuery, Depends(RELEASES)], db: DatabaseDep
) -> Response:
    """Every release of the dataset, newest first: each seed run that changed the data,
    with what it changed, by action. The newest is the one served (`current`)."""
    accept(request, Format.json)
    read = partial(service.list_releases, limit=query.limit, cursor=query.cursor)
    page, cursor = await db.read(read, bounded=True)
    data = [r.model_dump(mode="json") for r in page]
    return other_page(request, data, limit=query.limit, next_cursor=cursor, returned=len(page))


@router.get(
    "/v1/releases/{version}",
    response_model=ReleaseDetail,
    operation_id="getRelease",
    summary="Get one release and its change list",
    responses=problem_responses(404, 406, 422, 503),
)
async def get_release(request: Request, version: Version, db: DatabaseDep) -> Response:
    """One release, with every record it created, updated, renamed or deleted."""
    accept(request, Format.json)
    # Its change list may be long (release 1 lists every record): off the event loop.
    found = await db.read(lambda s: service.get_release(s, version), bounded=False)
    if found is None:
        raise NotFound(f"There is no release with version {version!r}.")
    return json_response(found.model_dump(mode="json"))


@router.get(
    "/v1/changes",
    response_model=Envelope[ChangePublic],
    operation_id="listChanges",
    summary="List the changes made since a release",
    responses=problem_responses(404, 406, 422, 503),
    openapi_extra=query_parameters(CHANGES.model),
)
async def list_changes(
    request: Request, query: Annotated[ChangeQuery, Depends(CHANGES)], db: DatabaseDep
) -> Response:
    """Every record changed after the release `since`, oldest change first, each with
    what happened to it (created, updated, renamed, deleted) and in which release.

    To keep a copy in sync: start from a release's package, then poll with `since` set to
    `meta.data_version` of the last page you read, following `links.next` to the end.
    """
    accept(request, Format.json)
    limit = query.limit or DEFAULT_CHANGES
    read = partial(service.changes_page, since=query.since, limit=limit, cursor=query.cursor)
    changes, cursor, version = await db.read(read, bounded=False)
    data = [c.model_dump(mode="json") for c in changes]
    return other_page(
        request, data, limit=limit, next_cursor=cursor, returned=len(data),
        meta={"data_version": version},
    )  # fmt: skip


@router.get(
    "/v1/changes.{format}",
    response_class=Response,
    operation_id="exportChanges",
    summary="Export the changes made since a release",
    responses=export_responses(EXPORTS),
    openapi_extra=query_parameters(CHANGES.model),
)
async def export_changes(
    request: Request,
    fmt: Annotated[str, export_format(EXPORTS)],
    query: Annotated[ChangeQuery, Depends(CHANGES)],
    db: DatabaseDep,
) -> Response:
    """The change feed as CSV or NDJSON: every change after `since`, or with `limit=` one
    page of them and a `Link` header to the next."""
    form = Format(fmt)
    accept(request, form)
    if query.limit is not None:
        page = partial(
            service.changes_page, since=query.since, limit=query.limit, cursor=query.cursor
        )
        changes, cursor, _ = await db.read(page, bounded=False)
        headers = next_link(request, cursor)[1]
        body = "".join(_lines(form, [changes]))
        return Response(body, media_type=MEDIA_TYPES[form], headers=headers)
    releases = await db.read(lambda s: service.feed_bounds(s, query.since), bounded=True)
    start = service.position(query.cursor)
    every = partial(service.all_changes, releases=releases, start=start)
    lines = _lines(form, db.iterate(every))
    return await stream(db, lines, MEDIA_TYPES[form], f"changes.{form.value}")


def _lines(form: Format, batches: Iterable[list[ChangePublic]]) -> Iterator[str]:
    dumped = ([c.model_dump(mode="json") for c in batch] for batch in batches)
    if form is Format.csv:
        return csv_lines(csv_columns(ChangePublic, None), dumped)
    return ("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in batch) for batch in dumped)


@router.get(
    "/v1/releases/{version}/package",
    response_class=Response,
    operation_id="getReleasePackage",
    summary="Download a release as a data package (ZIP)",
    responses={
        200: {
            "description": "A ZIP: `datapackage.json` (Frictionless Data Package), each "
            "resource as CSV and NDJSON under data/, the citations, and the source "
            "documents under sources/.",
            "content": {"application/zip": {"schema": {"type": "string", "format": "binary"}}},
        },
        **problem_responses(404, 406, 410, 422, 503),
    },
)
async def get_release_package(request: Request, version: Version, db: DatabaseDep) -> Response:
    """The release's data as a data package, streamed. The current release's package is
    served (`latest` names it); an earlier release's answers 410, its data being gone."""
    accept(request, Format.zip)
    release, current = await db.read(
        lambda s: (service.release_named(s, version), service.newest(s)), bounded=True
    )
    if release is None:
        raise NotFound(f"There is no release with version {version!r}.")
    if current is None or release.number != current.number:
        raise service.superseded(release, current)
    body = db.iterate(lambda s: package(s, release, RESOURCES))
    name = f"nato-japan-{release.version[:12]}.zip"
    return await stream(db, body, "application/zip", name, disposition="attachment")
