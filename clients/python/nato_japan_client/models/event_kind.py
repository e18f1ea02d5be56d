from enum import StrEnum

class EventKind(StrEnum):
    ACCESSION = "accession"
    ADOPTION = "adoption"
    APPOINTMENT = "appointment"
    CONFERENCE = "conference"
    CONTRIBUTION = "contribution"
    CRISIS = "crisis"
    DISASTER = "disaster"
    EXERCISE = "exercise"
    FIRST_CONTACT = "first_contact"
    INVASION = "invasion"
    MEETING = "meeting"
    MINISTERIAL_MEETING = "ministerial_meeting"
    OPERATION = "operation"
    PLEDGE = "pledge"
    PRESS_CONFERENCE = "press_conference"
    RELIEF_OPERATION = "relief_operation"
    SIGNING = "signing"
    SPEECH = "speech"
    STATEMENT = "statement"
    SUMMIT = "summit"
    SYMPOSIUM = "symposium"
    TALKS = "talks"
    TRAINING = "training"
    VISIT = "visit"

    def __str__(self) -> str:
        return str(self.value)
