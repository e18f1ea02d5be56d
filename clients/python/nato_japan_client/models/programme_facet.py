from enum import StrEnum

class ProgrammeFacet(StrEnum):
    AREA = "area"
    KIND = "kind"
    YEAR = "year"

    def __str__(self) -> str:
        return str(self.value)
