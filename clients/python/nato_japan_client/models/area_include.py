from enum import StrEnum

class AreaInclude(StrEnum):
    CHILDREN = "children"
    CITATIONS = "citations"
    PARENT = "parent"

    def __str__(self) -> str:
        return str(self.value)
