from enum import StrEnum

class EventSort(StrEnum):
    DATE = "date"
    DATE_DESCENDING = "-date"
    END = "end"
    END_DESCENDING = "-end"
    KIND = "kind"
    KIND_DESCENDING = "-kind"
    SLUG = "slug"
    SLUG_DESCENDING = "-slug"
    TITLE = "title"
    TITLE_DESCENDING = "-title"

    def __str__(self) -> str:
        return str(self.value)
