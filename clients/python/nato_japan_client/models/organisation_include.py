from enum import StrEnum

class OrganisationInclude(StrEnum):
    CHILDREN = "children"
    CITATIONS = "citations"
    PARENT = "parent"

    def __str__(self) -> str:
        return str(self.value)
