"""ORM models. Importing this package registers every table on Base.metadata."""

from fieldapp.storage.models.agreements import Agreement, AgreementEvent, AgreementVersion, Signature
from fieldapp.storage.models.audit import ReadLogEntry
from fieldapp.storage.models.changelog import CaptureContext, ForeignChange, Meta, OutboxRecord, RecordClock
from fieldapp.storage.models.cooperation import Benefit, CooperationMeeting, MeetingItem
from fieldapp.storage.models.documents import SealedDocument
from fieldapp.storage.models.erasure import ErasureLogEntry, ParticipantErasure, ParticipantKey
from fieldapp.storage.models.employers import Employer, EmployerContact
from fieldapp.storage.models.jobdev import EmployerOutreach, JobLead, OutreachFor
from fieldapp.storage.models.mapping import Mapping, MappingArea
from fieldapp.storage.models.merges import RecordMerge
from fieldapp.storage.models.participants import Consent, CooperatingActor, Participant
from fieldapp.storage.models.placements import NavMeasure, Placement
from fieldapp.storage.models.sync import (
    Conflict, SyncAccount, SyncApplied, SyncOutbox, SyncQuarantine,
)
from fieldapp.storage.models.team import Assignment, FidelityAssessment, Specialist
from fieldapp.storage.models.visits import Visit, VisitAction, VisitAttendee, VisitNote

__all__ = [
    "Agreement",
    "AgreementEvent",
    "AgreementVersion",
    "Assignment",
    "Benefit",
    "CaptureContext",
    "Conflict",
    "Consent",
    "CooperatingActor",
    "CooperationMeeting",
    "Employer",
    "EmployerContact",
    "EmployerOutreach",
    "ErasureLogEntry",
    "FidelityAssessment",
    "ForeignChange",
    "JobLead",
    "Mapping",
    "MappingArea",
    "MeetingItem",
    "Meta",
    "NavMeasure",
    "OutboxRecord",
    "OutreachFor",
    "Participant",
    "ParticipantErasure",
    "ParticipantKey",
    "Placement",
    "ReadLogEntry",
    "RecordClock",
    "RecordMerge",
    "SealedDocument",
    "Signature",
    "Specialist",
    "SyncAccount",
    "SyncApplied",
    "SyncOutbox",
    "SyncQuarantine",
    "Visit",
    "VisitAction",
    "VisitAttendee",
    "VisitNote",
]
