from enum import StrEnum

class SourceSort(StrEnum):
    DATE = "date"
    DATE_DESCENDING = "-date"
    SLUG = "slug"
    SLUG_DESCENDING = "-slug"
    TITLE = "title"
    TITLE_DESCENDING = "-title"

    def __str__(self) -> str:
        return str(self.value)
