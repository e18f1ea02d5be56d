from enum import StrEnum

class OrganisationFacet(StrEnum):
    COUNTRY = "country"
    KIND = "kind"
    PARENT = "parent"

    def __str__(self) -> str:
        return str(self.value)
