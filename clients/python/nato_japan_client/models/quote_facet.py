from enum import StrEnum

class QuoteFacet(StrEnum):
    AREA = "area"
    EVENT = "event"
    MODE = "mode"
    ORGANISATION = "organisation"
    SOURCE = "source"
    SPEAKER = "speaker"
    YEAR = "year"

    def __str__(self) -> str:
        return str(self.value)
