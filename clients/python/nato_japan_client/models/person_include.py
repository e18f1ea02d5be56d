from enum import StrEnum

class PersonInclude(StrEnum):
    CITATIONS = "citations"

    def __str__(self) -> str:
        return str(self.value)
