""" Contains all the data models used in inputs/outputs """

from .action import Action
from .area_counts import AreaCounts
from .area_facet import AreaFacet
from .area_field import AreaField
from .area_include import AreaInclude
from .area_included import AreaIncluded
from .area_public import AreaPublic
from .area_sort import AreaSort
from .basis_level import BasisLevel
from .change_public import ChangePublic
from .change_summary import ChangeSummary
from .citation_field import CitationField
from .citation_in_context import CitationInContext
from .citation_in_source import CitationInSource
from .citation_public import CitationPublic
from .citation_sort import CitationSort
from .cited_record import CitedRecord
from .dataset_about import DatasetAbout
from .dataset_about_counts import DatasetAboutCounts
from .date_span import DateSpan
from .envelope_area_public import EnvelopeAreaPublic
from .envelope_change_public import EnvelopeChangePublic
from .envelope_citation_in_source import EnvelopeCitationInSource
from .envelope_event_public import EnvelopeEventPublic
from .envelope_organisation_public import EnvelopeOrganisationPublic
from .envelope_person_public import EnvelopePersonPublic
from .envelope_programme_public import EnvelopeProgrammePublic
from .envelope_quote_public import EnvelopeQuotePublic
from .envelope_release_public import EnvelopeReleasePublic
from .envelope_source_public import EnvelopeSourcePublic
from .envelope_timeline_year import EnvelopeTimelineYear
from .event_facet import EventFacet
from .event_field import EventField
from .event_include import EventInclude
from .event_included import EventIncluded
from .event_kind import EventKind
from .event_public import EventPublic
from .event_sort import EventSort
from .export_areas_format import ExportAreasFormat
from .export_changes_format import ExportChangesFormat
from .export_events_format import ExportEventsFormat
from .export_organisations_format import ExportOrganisationsFormat
from .export_people_format import ExportPeopleFormat
from .export_programmes_format import ExportProgrammesFormat
from .export_quotes_format import ExportQuotesFormat
from .export_source_citations_format import ExportSourceCitationsFormat
from .export_source_citations_type_item import ExportSourceCitationsTypeItem
from .export_sources_format import ExportSourcesFormat
from .field_basis_public import FieldBasisPublic
from .health import Health
from .invalid_param import InvalidParam
from .item_type import ItemType
from .list_links import ListLinks
from .list_meta import ListMeta
from .list_meta_facets_type_0 import ListMetaFacetsType0
from .list_source_citations_type_item import ListSourceCitationsTypeItem
from .meta import Meta
from .organisation_facet import OrganisationFacet
from .organisation_field import OrganisationField
from .organisation_include import OrganisationInclude
from .organisation_included import OrganisationIncluded
from .organisation_kind import OrganisationKind
from .organisation_public import OrganisationPublic
from .organisation_sort import OrganisationSort
from .person_facet import PersonFacet
from .person_field import PersonField
from .person_include import PersonInclude
from .person_included import PersonIncluded
from .person_public import PersonPublic
from .person_sort import PersonSort
from .place import Place
from .precision import Precision
from .problem import Problem
from .programme_facet import ProgrammeFacet
from .programme_field import ProgrammeField
from .programme_include import ProgrammeInclude
from .programme_included import ProgrammeIncluded
from .programme_kind import ProgrammeKind
from .programme_public import ProgrammePublic
from .programme_sort import ProgrammeSort
from .quote_facet import QuoteFacet
from .quote_field import QuoteField
from .quote_include import QuoteInclude
from .quote_included import QuoteIncluded
from .quote_mode import QuoteMode
from .quote_public import QuotePublic
from .quote_sort import QuoteSort
from .readiness import Readiness
from .record_type import RecordType
from .ref import Ref
from .release_detail import ReleaseDetail
from .release_detail_counts import ReleaseDetailCounts
from .release_public import ReleasePublic
from .release_public_counts import ReleasePublicCounts
from .role_public import RolePublic
from .search_hit import SearchHit
from .search_results import SearchResults
from .search_type import SearchType
from .source_detail import SourceDetail
from .source_facet import SourceFacet
from .source_field import SourceField
from .source_kind import SourceKind
from .source_public import SourcePublic
from .source_sort import SourceSort
from .timeline_item import TimelineItem
from .timeline_year import TimelineYear

__all__ = (
    "Action",
    "AreaCounts",
    "AreaFacet",
    "AreaField",
    "AreaInclude",
    "AreaIncluded",
    "AreaPublic",
    "AreaSort",
    "BasisLevel",
    "ChangePublic",
    "ChangeSummary",
    "CitationField",
    "CitationInContext",
    "CitationInSource",
    "CitationPublic",
    "CitationSort",
    "CitedRecord",
    "DatasetAbout",
    "DatasetAboutCounts",
    "DateSpan",
    "EnvelopeAreaPublic",
    "EnvelopeChangePublic",
    "EnvelopeCitationInSource",
    "EnvelopeEventPublic",
    "EnvelopeOrganisationPublic",
    "EnvelopePersonPublic",
    "EnvelopeProgrammePublic",
    "EnvelopeQuotePublic",
    "EnvelopeReleasePublic",
    "EnvelopeSourcePublic",
    "EnvelopeTimelineYear",
    "EventFacet",
    "EventField",
    "EventInclude",
    "EventIncluded",
    "EventKind",
    "EventPublic",
    "EventSort",
    "ExportAreasFormat",
    "ExportChangesFormat",
    "ExportEventsFormat",
    "ExportOrganisationsFormat",
    "ExportPeopleFormat",
    "ExportProgrammesFormat",
    "ExportQuotesFormat",
    "ExportSourceCitationsFormat",
    "ExportSourceCitationsTypeItem",
    "ExportSourcesFormat",
    "FieldBasisPublic",
    "Health",
    "InvalidParam",
    "ItemType",
    "ListLinks",
    "ListMeta",
    "ListMetaFacetsType0",
    "ListSourceCitationsTypeItem",
    "Meta",
    "OrganisationFacet",
    "OrganisationField",
    "OrganisationInclude",
    "OrganisationIncluded",
    "OrganisationKind",
    "OrganisationPublic",
    "OrganisationSort",
    "PersonFacet",
    "PersonField",
    "PersonInclude",
    "PersonIncluded",
    "PersonPublic",
    "PersonSort",
    "Place",
    "Precision",
    "Problem",
    "ProgrammeFacet",
    "ProgrammeField",
    "ProgrammeInclude",
    "ProgrammeIncluded",
    "ProgrammeKind",
    "ProgrammePublic",
    "ProgrammeSort",
    "QuoteFacet",
    "QuoteField",
    "QuoteInclude",
    "QuoteIncluded",
    "QuoteMode",
    "QuotePublic",
    "QuoteSort",
    "Readiness",
    "RecordType",
    "Ref",
    "ReleaseDetail",
    "ReleaseDetailCounts",
    "ReleasePublic",
    "ReleasePublicCounts",
    "RolePublic",
    "SearchHit",
    "SearchResults",
    "SearchType",
    "SourceDetail",
    "SourceFacet",
    "SourceField",
    "SourceKind",
    "SourcePublic",
    "SourceSort",
    "TimelineItem",
    "TimelineYear",
)
