from enum import StrEnum

class ProgrammeSort(StrEnum):
    DATE = "date"
    DATE_DESCENDING = "-date"
    END = "end"
    END_DESCENDING = "-end"
    KIND = "kind"
    KIND_DESCENDING = "-kind"
    NAME = "name"
    NAME_DESCENDING = "-name"
    SLUG = "slug"
    SLUG_DESCENDING = "-slug"

    def __str__(self) -> str:
        return str(self.value)
