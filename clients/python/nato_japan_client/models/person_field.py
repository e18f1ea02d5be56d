from enum import StrEnum

class PersonField(StrEnum):
    CITATIONS = "citations"
    COUNTRY = "country"
    NAME = "name"
    ROLES = "roles"
    SLUG = "slug"

    def __str__(self) -> str:
        return str(self.value)
