from enum import StrEnum

class OrganisationField(StrEnum):
    ACRONYM = "acronym"
    CHILDREN = "children"
    CITATIONS = "citations"
    COUNTRY = "country"
    KIND = "kind"
    NAME = "name"
    PARENT = "parent"
    SLUG = "slug"

    def __str__(self) -> str:
        return str(self.value)
