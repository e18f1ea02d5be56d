"""Every table, imported once so that Alembic and the loader see the whole schema."""

# ruff: noqa: F401  (the imports are the point: each registers its tables on `metadata`,
# and seeds, migrations and tests import the tables from here)
from app.areas.models import CooperationArea
from app.basis.models import FieldBasis
from app.citations.models import Citation
from app.core.models import DatasetVersion, metadata
from app.core.releases import Change, FormerSlug, Release
from app.events.models import Event, EventArea, EventOrganisation, EventPerson, EventProgramme
from app.organisations.models import Organisation
from app.people.models import Person, PersonRole
from app.programmes.models import Programme, ProgrammeArea, ProgrammeOrganisation
from app.query.documents import CsvLine
from app.quotes.models import Quote, QuoteArea
from app.search.models import SearchDocument
from app.sources.models import Source
