from enum import StrEnum

class ListSourceCitationsTypeItem(StrEnum):
    AREA = "area"
    EVENT = "event"
    ORGANISATION = "organisation"
    PERSON = "person"
    PROGRAMME = "programme"
    QUOTE = "quote"

    def __str__(self) -> str:
        return str(self.value)
