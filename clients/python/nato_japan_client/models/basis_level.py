from enum import StrEnum

class BasisLevel(StrEnum):
    EXTERNAL = "external"
    INFERRED = "inferred"
    STATED = "stated"

    def __str__(self) -> str:
        return str(self.value)
