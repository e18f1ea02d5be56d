from enum import StrEnum

class PersonSort(StrEnum):
    NAME = "name"
    NAME_DESCENDING = "-name"
    SLUG = "slug"
    SLUG_DESCENDING = "-slug"

    def __str__(self) -> str:
        return str(self.value)
