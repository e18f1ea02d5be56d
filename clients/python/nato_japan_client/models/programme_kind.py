from enum import StrEnum

class ProgrammeKind(StrEnum):
    DECLARATION = "declaration"
    INITIATIVE = "initiative"
    NATO_PROGRAMME = "nato_programme"
    PARTNERSHIP_PROGRAMME = "partnership_programme"
    POLICY_DOCUMENT = "policy_document"
    TRUST_FUND = "trust_fund"

    def __str__(self) -> str:
        return str(self.value)
