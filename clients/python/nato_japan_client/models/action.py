from enum import StrEnum

class Action(StrEnum):
    CREATED = "created"
    DELETED = "deleted"
    RENAMED = "renamed"
    UPDATED = "updated"

    def __str__(self) -> str:
        return str(self.value)
