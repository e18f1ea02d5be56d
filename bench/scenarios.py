"""The benchmark's requests, chosen from the database being measured."""

from dataclasses import dataclass, field

from sqlalchemy import create_engine, func, select

from app.core.dates import FAR_FUTURE
from app.core.orders import encode_cursor
from app.events.models import Event


@dataclass(frozen=True)
class Scenario:
    name: str
    path: str
    headers: dict[str, str] = field(default_factory=dict)


def choose(database_url: str) -> list[Scenario]:
    """Scenarios for the data at `database_url`: a deep cursor 90% of the way down, etc."""
    engine = create_engine(database_url)
    try:
        with engine.connect() as conn:
            total = conn.execute(select(func.count()).select_from(Event)).scalar_one()
            order = (func.coalesce(Event.start_date, FAR_FUTURE), Event.slug)
            deep = conn.execute(
                select(*order).order_by(*order).offset(int(total * 0.9)).limit(1)
            ).one()
            middle = conn.execute(
                select(Event.slug).order_by(Event.id).offset(total // 2).limit(1)
            ).scalar_one()
    finally:
        engine.dispose()
    cursor = encode_cursor("date", [deep[0], deep[1]])
    return [
        Scenario("first page of events", "/v1/events?limit=20"),
        Scenario("deep page by cursor", f"/v1/events?limit=20&cursor={cursor}"),
        Scenario(
            "filtered: area + date range",
            "/v1/events?area=cyber-defence&from=2013&to=2016&limit=20",
        ),
        Scenario("full-text search", "/v1/search?q=maritime%20security&limit=20"),
        Scenario("detail with include", f"/v1/events/{middle}?include=areas,quotes,citations"),
        Scenario("304 revalidation", "/v1/events?limit=20", {"If-None-Match": "{etag}"}),
    ]
