from enum import StrEnum

class RecordType(StrEnum):
    AREA = "area"
    EVENT = "event"
    ORGANISATION = "organisation"
    PERSON = "person"
    PROGRAMME = "programme"
    QUOTE = "quote"
    SOURCE = "source"

    def __str__(self) -> str:
        return str(self.value)
