from enum import StrEnum

class EventFacet(StrEnum):
    AREA = "area"
    COUNTRY = "country"
    KIND = "kind"
    ORGANISATION = "organisation"
    PERSON = "person"
    PROGRAMME = "programme"
    YEAR = "year"

    def __str__(self) -> str:
        return str(self.value)
