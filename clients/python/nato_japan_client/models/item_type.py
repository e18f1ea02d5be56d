from enum import StrEnum

class ItemType(StrEnum):
    EVENT = "event"
    PROGRAMME_END = "programme_end"
    PROGRAMME_START = "programme_start"

    def __str__(self) -> str:
        return str(self.value)
