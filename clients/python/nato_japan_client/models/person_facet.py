from enum import StrEnum

class PersonFacet(StrEnum):
    COUNTRY = "country"

    def __str__(self) -> str:
        return str(self.value)
