from enum import StrEnum

class CitationSort(StrEnum):
    ID = "id"
    ID_DESCENDING = "-id"
    START = "start"
    START_DESCENDING = "-start"

    def __str__(self) -> str:
        return str(self.value)
