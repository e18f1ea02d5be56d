from enum import StrEnum

class QuoteSort(StrEnum):
    DATE = "date"
    DATE_DESCENDING = "-date"
    POSITION = "position"
    POSITION_DESCENDING = "-position"
    SLUG = "slug"
    SLUG_DESCENDING = "-slug"

    def __str__(self) -> str:
        return str(self.value)
