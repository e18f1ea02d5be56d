from enum import StrEnum

class QuoteMode(StrEnum):
    DIRECT = "direct"
    REPORTED = "reported"

    def __str__(self) -> str:
        return str(self.value)
