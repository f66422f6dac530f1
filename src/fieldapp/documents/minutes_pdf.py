"""The minutes of a cooperation meeting as a short bokmål PDF for the attendees (reportlab, no Qt)."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from fieldapp.documents.fonts import register_fonts
from fieldapp.documents.layout import (CONTENT_WIDTH, MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, PageDecor, canvas_class,
                                       field_table, grid_table, make_styles, text)
from fieldapp.documents.wording import fmt_date


@dataclass(frozen=True)
class MinutesAttendee:
    name: str
    role: str
    organisation: str = ""


@dataclass(frozen=True)
class MinutesItem:
    what: str
    who: str = ""
    deadline: date | None = None


@dataclass(frozen=True)
class MinutesArea:
    """A mapping area the attendees may read about (sensitive ones only with the participant's consent)."""

    label: str
    status: str
    description: str = ""


@dataclass(frozen=True)
class MinutesContent:
    participant_name: str
    held_on: date
    topic: str
    place: str = ""
    written_by: str = ""
    attendees: tuple[MinutesAttendee, ...] = ()
    other_attendees: str = ""
    notes: str = ""
    items: tuple[MinutesItem, ...] = ()
    next_meeting_on: date | None = None
    areas: tuple[MinutesArea, ...] = ()
    withheld_note: str = ""  # says which sensitive areas were left out, without saying anything about them


def render_minutes_pdf(content: MinutesContent) -> bytes:
    register_fonts()
    st = make_styles()
    out = io.BytesIO()
    title = f"Referat fra samarbeidsmøte {fmt_date(content.held_on)}"
    doc = SimpleDocTemplate(out, pagesize=A4, title=title, author="Fieldapp",
                            leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
                            bottomMargin=MARGIN_BOTTOM)
    story: list[Any] = [  # reportlab's flowables have no common public type
        Paragraph("Referat fra samarbeidsmøte", st.title),
        Paragraph(text(f"Gjelder {content.participant_name}"), st.subtitle),
        field_table([("Dato", text(fmt_date(content.held_on))), ("Sted", text(content.place or "–")),
                     ("Tema", text(content.topic)), ("Referent", text(content.written_by or "–"))], st),
        Paragraph("Til stede", st.heading),
    ]
    present = [[text(content.participant_name), "Deltaker", ""]]
    present += [[text(a.name), text(a.role), text(a.organisation)] for a in content.attendees]
    story.append(grid_table(["Navn", "Rolle", "Virksomhet"], present,
                            [CONTENT_WIDTH * 0.34, CONTENT_WIDTH * 0.3, CONTENT_WIDTH * 0.36], st))
    if content.other_attendees:
        story += [Spacer(1, 2 * mm), Paragraph(text(f"Også til stede: {content.other_attendees}"), st.body)]
    if content.notes:
        story += [Paragraph("Hva vi snakket om", st.heading), Paragraph(text(content.notes), st.body)]
    story.append(Paragraph("Dette ble avtalt", st.heading))
    if content.items:
        rows = [[text(i.what), text(i.who), text(fmt_date(i.deadline))] for i in content.items]
        story.append(grid_table(["Hva", "Hvem", "Innen"], rows,
                                [CONTENT_WIDTH * 0.58, CONTENT_WIDTH * 0.26, CONTENT_WIDTH * 0.16], st))
    else:
        story.append(Paragraph("Ingenting ble avtalt.", st.body))
    if content.areas or content.withheld_note:
        story.append(Paragraph("Fra kartleggingen", st.heading))
        if content.areas:
            rows = [[text(a.label), text(a.status), text(a.description)] for a in content.areas]
            story.append(grid_table(["Område", "Status", "Beskrivelse"], rows,
                                    [CONTENT_WIDTH * 0.3, CONTENT_WIDTH * 0.16, CONTENT_WIDTH * 0.54], st))
        if content.withheld_note:
            story += [Spacer(1, 1.5 * mm), Paragraph(text(content.withheld_note), st.small)]
    if content.next_meeting_on:
        story += [Paragraph("Neste møte", st.heading), Paragraph(text(fmt_date(content.next_meeting_on)), st.body)]
    story += [Spacer(1, 6 * mm), Paragraph(
        "Referatet er til deltakeren og dem som var til stede, og inneholder bare det deltakeren har samtykket til "
        "at deles med dem. Det skal ikke deles videre.", st.small)]
    decor = PageDecor(header=title, footer_left=f"Samarbeidsmøte · {content.participant_name}",
                      page_words="Side {page} av {pages}")
    doc.build(story, canvasmaker=canvas_class(decor))
    return out.getvalue()
