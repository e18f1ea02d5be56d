from enum import StrEnum

class ProgrammeField(StrEnum):
    ACRONYM = "acronym"
    AREAS = "areas"
    BASIS = "basis"
    CITATIONS = "citations"
    DESCRIPTION = "description"
    EVENTS = "events"
    IN_FORCE = "in_force"
    KIND = "kind"
    NAME = "name"
    NOTE = "note"
    ORGANISATIONS = "organisations"
    PREDECESSOR = "predecessor"
    PRIORITY_AREAS = "priority_areas"
    SLUG = "slug"
    SUCCESSORS = "successors"

    def __str__(self) -> str:
        return str(self.value)
