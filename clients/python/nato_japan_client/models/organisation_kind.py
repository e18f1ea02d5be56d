from enum import StrEnum

class OrganisationKind(StrEnum):
    AGENCY = "agency"
    ARMED_FORCES = "armed_forces"
    CENTRE_OF_EXCELLENCE = "centre_of_excellence"
    CLUB = "club"
    COMMAND = "command"
    DIVISION = "division"
    EDUCATION_INSTITUTION = "education_institution"
    GOVERNMENT = "government"
    GROUPING = "grouping"
    INTERNATIONAL_ORGANISATION = "international_organisation"
    LEGISLATURE = "legislature"
    MEDIA = "media"
    MINISTRY = "ministry"
    MISSION = "mission"
    STATE = "state"
    UNION = "union"

    def __str__(self) -> str:
        return str(self.value)
