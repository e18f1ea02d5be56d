from enum import StrEnum

class AreaFacet(StrEnum):
    PARENT = "parent"

    def __str__(self) -> str:
        return str(self.value)
