from enum import StrEnum

class OrganisationField(StrEnum):
    ACRONYM = "acronym"
    BASIS = "basis"
    CHILDREN = "children"
    CITATIONS = "citations"
    COUNTRY = "country"
    KIND = "kind"
    NAME = "name"
    NOTE = "note"
    PARENT = "parent"
    SLUG = "slug"

    def __str__(self) -> str:
        return str(self.value)
