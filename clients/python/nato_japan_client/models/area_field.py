from enum import StrEnum

class AreaField(StrEnum):
    ALIASES = "aliases"
    CHILDREN = "children"
    CITATIONS = "citations"
    COUNTS = "counts"
    DESCRIPTION = "description"
    NAME = "name"
    NOTE = "note"
    PARENT = "parent"
    SLUG = "slug"

    def __str__(self) -> str:
        return str(self.value)
