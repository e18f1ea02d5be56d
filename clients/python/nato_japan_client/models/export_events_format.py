from enum import StrEnum

class ExportEventsFormat(StrEnum):
    CSV = "csv"
    ICS = "ics"
    NDJSON = "ndjson"

    def __str__(self) -> str:
        return str(self.value)
