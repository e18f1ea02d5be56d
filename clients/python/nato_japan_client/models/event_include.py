from enum import StrEnum

class EventInclude(StrEnum):
    AREAS = "areas"
    CITATIONS = "citations"
    ORGANISATIONS = "organisations"
    PEOPLE = "people"
    PROGRAMMES = "programmes"
    QUOTES = "quotes"

    def __str__(self) -> str:
        return str(self.value)
