from enum import StrEnum

class SearchType(StrEnum):
    AREAS = "areas"
    EVENTS = "events"
    ORGANISATIONS = "organisations"
    PEOPLE = "people"
    PROGRAMMES = "programmes"
    QUOTES = "quotes"
    SOURCES = "sources"

    def __str__(self) -> str:
        return str(self.value)
