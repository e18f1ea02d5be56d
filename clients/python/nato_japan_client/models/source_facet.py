from enum import StrEnum

class SourceFacet(StrEnum):
    KIND = "kind"

    def __str__(self) -> str:
        return str(self.value)
