from enum import StrEnum

class QuoteInclude(StrEnum):
    AREAS = "areas"
    CITATIONS = "citations"
    EVENT = "event"
    SPEAKER = "speaker"
    SPEAKER_ORGANISATION = "speaker_organisation"

    def __str__(self) -> str:
        return str(self.value)
