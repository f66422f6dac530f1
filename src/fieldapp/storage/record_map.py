"""Which ORM model stores which domain record, and copying values between them."""

from __future__ import annotations

from dataclasses import fields
from typing import TypeVar

from fieldapp.domain import agreement_records as ar
from fieldapp.domain import cooperation_records as cr
from fieldapp.domain import jobdev_records as jr
from fieldapp.domain import records as r
from fieldapp.domain import team_records as tr
from fieldapp.domain import visit_records as vr
from fieldapp.domain.records import RecordBase
from fieldapp.storage import models as m
from fieldapp.storage.base import Record

R = TypeVar("R", bound=RecordBase)

MODELS: dict[type[RecordBase], type[Record]] = {
    r.Participant: m.Participant,
    r.CooperatingActor: m.CooperatingActor,
    r.Consent: m.Consent,
    r.Employer: m.Employer,
    r.EmployerContact: m.EmployerContact,
    r.Placement: m.Placement,
    r.NavMeasure: m.NavMeasure,
    r.Mapping: m.Mapping,
    r.MappingArea: m.MappingArea,
    vr.Visit: m.Visit,
    vr.VisitAttendee: m.VisitAttendee,
    vr.VisitAction: m.VisitAction,
    vr.VisitNote: m.VisitNote,
    ar.Agreement: m.Agreement,
    ar.Signature: m.Signature,
    ar.AgreementEvent: m.AgreementEvent,
    ar.SealedDocument: m.SealedDocument,
    jr.EmployerOutreach: m.EmployerOutreach,
    jr.OutreachFor: m.OutreachFor,
    jr.JobLead: m.JobLead,
    tr.Specialist: m.Specialist,
    tr.Assignment: m.Assignment,
    tr.FidelityAssessment: m.FidelityAssessment,
    cr.CooperationMeeting: m.CooperationMeeting,
    cr.MeetingItem: m.MeetingItem,
    cr.Benefit: m.Benefit,
}


def model_for(cls: type[RecordBase]) -> type[Record]:
    try:
        return MODELS[cls]
    except KeyError:
        raise TypeError(f"{cls.__name__} has no storage model") from None


def to_record(obj: Record, cls: type[R]) -> R:
    return cls(**{f.name: getattr(obj, f.name) for f in fields(cls) if f.init})


def copy_into(obj: Record, record: RecordBase) -> None:
    """Set only what differs, so the change tracking holds only fields that really changed."""
    for name in record.data_fields():
        value = getattr(record, name)
        if getattr(obj, name) != value:
            setattr(obj, name, value)
