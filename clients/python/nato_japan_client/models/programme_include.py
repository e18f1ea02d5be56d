from enum import StrEnum

class ProgrammeInclude(StrEnum):
    AREAS = "areas"
    CITATIONS = "citations"
    EVENTS = "events"
    ORGANISATIONS = "organisations"
    PREDECESSOR = "predecessor"
    SUCCESSORS = "successors"

    def __str__(self) -> str:
        return str(self.value)
