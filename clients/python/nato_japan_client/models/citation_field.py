from enum import StrEnum

class CitationField(StrEnum):
    END = "end"
    EVIDENCE = "evidence"
    RECORD = "record"
    START = "start"

    def __str__(self) -> str:
        return str(self.value)
