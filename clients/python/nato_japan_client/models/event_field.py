from enum import StrEnum

class EventField(StrEnum):
    AREAS = "areas"
    BASIS = "basis"
    CITATIONS = "citations"
    DATE = "date"
    KIND = "kind"
    NOTE = "note"
    ORGANISATIONS = "organisations"
    PEOPLE = "people"
    PLACE = "place"
    PROGRAMMES = "programmes"
    QUOTES = "quotes"
    SLUG = "slug"
    SUMMARY = "summary"
    TITLE = "title"

    def __str__(self) -> str:
        return str(self.value)
