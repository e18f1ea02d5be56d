from enum import StrEnum

class ProgrammeField(StrEnum):
    ACRONYM = "acronym"
    AREAS = "areas"
    CITATIONS = "citations"
    DESCRIPTION = "description"
    EVENTS = "events"
    IN_FORCE = "in_force"
    KIND = "kind"
    NAME = "name"
    ORGANISATIONS = "organisations"
    PREDECESSOR = "predecessor"
    PRIORITY_AREAS = "priority_areas"
    SLUG = "slug"
    SUCCESSORS = "successors"

    def __str__(self) -> str:
        return str(self.value)
