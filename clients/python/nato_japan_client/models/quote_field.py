from enum import StrEnum

class QuoteField(StrEnum):
    AREAS = "areas"
    BASIS = "basis"
    CITATIONS = "citations"
    DATE = "date"
    EVENT = "event"
    MODE = "mode"
    NOTE = "note"
    SLUG = "slug"
    SOURCE = "source"
    SPEAKER = "speaker"
    SPEAKER_ORGANISATION = "speaker_organisation"
    SPEAKER_ROLE = "speaker_role"
    TEXT = "text"
    TEXT_END = "text_end"
    TEXT_START = "text_start"

    def __str__(self) -> str:
        return str(self.value)
