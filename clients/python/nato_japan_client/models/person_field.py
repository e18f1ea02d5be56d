from enum import StrEnum

class PersonField(StrEnum):
    BASIS = "basis"
    CITATIONS = "citations"
    COUNTRY = "country"
    NAME = "name"
    NOTE = "note"
    ROLES = "roles"
    SLUG = "slug"

    def __str__(self) -> str:
        return str(self.value)
