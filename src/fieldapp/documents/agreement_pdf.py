"""The follow-up agreement as a PDF: a pure function from one version's content, status and signatures to bytes.

Only what is in the agreement version reaches the document (parties snapshot, job, goals, duration,
follow-up, accommodations, responsibilities, privacy text, signatures). Mapping areas and visit notes are
not inputs at all, so nothing sensitive from them can leak onto the employer's copy.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from fieldapp import __version__
from fieldapp.documents import layout as L
from fieldapp.documents.fonts import register_fonts
from fieldapp.documents.signature_box import SignatureBox
from fieldapp.documents.wording import fmt_date, fmt_period, w
from fieldapp.domain import agreement_vocab as av
from fieldapp.domain.agreement_content import AgreementContent, PartySnapshot, content_hash, field_label, short_fingerprint
from fieldapp.domain.agreement_records import Signature
from fieldapp.domain.agreement_rules import required_signers
from fieldapp.domain.signature_strokes import parse as parse_strokes

KEYWORD_PREFIX = "fieldapp-agreement"
RESPONSIBILITY_ORDER = ("employee", "employer", "job_specialist", "nav", "other")


@dataclass(frozen=True)
class AgreementDocument:
    """Everything one agreement version's PDF shows; the service layer fills it from storage."""

    agreement_id: str
    number: str
    version_no: int
    status: str
    content: AgreementContent
    signatures: tuple[Signature, ...] = ()
    content_hash: str | None = None  # the frozen hash; computed from the content when the version is a draft
    change_types: tuple[str, ...] = ()
    change_reason: str | None = None
    lang: str = "nb"

    @property
    def hash(self) -> str:
        return self.content_hash or content_hash(self.content)


def keywords(doc: AgreementDocument) -> str:
    """Machine-readable identity in the PDF's Keywords, read back when a sealed copy is verified."""
    return (f"{KEYWORD_PREFIX} id={doc.agreement_id} number={doc.number} version={doc.version_no} "
            f"content-sha256={doc.hash}")


def parse_keywords(value: str) -> dict[str, str]:
    parts = value.split()
    if not parts or parts[0] != KEYWORD_PREFIX:
        return {}
    return dict(p.split("=", 1) for p in parts[1:] if "=" in p)


def _label(path: str, lang: str) -> str:
    return field_label(path, lang)


def _join(*parts: str, sep: str = "<br/>") -> str:
    return sep.join(p for p in parts if p)


def _party_rows(content: AgreementContent, lang: str) -> list[list[str]]:
    p = content.parties
    rows: list[list[str]] = []
    entries: list[PartySnapshot | None] = [p.participant, p.employer, p.employer_contact, p.job_specialist,
                                           p.nav_contact, *p.others]
    for party in entries:
        if party is None or not (party.name or party.organisation):
            continue
        org = L.text(party.organisation if party.organisation != party.name else "")
        if party.orgnr:
            org = _join(org, f"{w('orgnr_short', lang)} {L.text(party.orgnr)}")
        org = _join(org, L.text(party.address))
        name = L.text(party.name)
        if party.birth_date is not None:  # the date of birth, never the fødselsnummer: the employer gets a copy
            name = _join(name, f"{w('born', lang)} {fmt_date(party.birth_date, lang)}")
        role = party_role_label(party.role, lang)
        title = "" if party.title.strip().lower() == role.lower() else party.title  # "Jobbspesialist" twice says nothing
        rows.append([f"<b>{L.text(role)}</b>", name, org, L.text(title),
                     _join(L.text(party.phone), L.text(party.email))])
    return rows


def party_role_label(role: str, lang: str) -> str:
    """One word per role on the whole document (parties, signatures): "NAV-veileder" both places, not "NAV"."""
    return av.label(av.PARTY_ROLES, _SIGNER_AS_PARTY.get(role, role), lang)


_SIGNER_AS_PARTY = {"employee": "participant", "nav": "nav"}


def _status_text(doc: AgreementDocument) -> str:
    """A concluded version says when it was concluded: the last current signature (the job specialist's)."""
    lang = doc.lang
    if doc.status in CONCLUDED_STATUSES:
        current = _current_signatures(doc.signatures)
        if current:
            return w("concluded_on", lang, date=fmt_date(max(s.signed_at for s in current.values()), lang))
    return av.label(av.AGREEMENT_STATUSES, doc.status, lang)


CONCLUDED_STATUSES = frozenset({"concluded", "active", "ended"})


def _extension_text(d: Any, lang: str) -> str:
    """ "Ja – vurderes på evalueringsmøtet innen 01.08.2026": one sentence, not two fragments."""
    if not d.may_extend:
        return _yes_no(False, lang)
    how = (d.extension_consideration or "").strip().rstrip(".")
    by = f"{w('by_date', lang)} {fmt_date(d.extension_consider_by, lang)}" if d.extension_consider_by else ""
    if not (how or by):
        return _yes_no(True, lang)
    how = how[:1].lower() + how[1:] if how[:2] != how[:2].upper() else how  # keep "NAV …", lower "På …"
    return f"{_yes_no(True, lang)} – {w('considered', lang)} " + L.text(" ".join(x for x in (how, by) if x))


def _privacy_body(text: str, lang: str) -> str:
    """The stored text without a leading copy of its own heading (versions written before it was dropped)."""
    for heading in (field_label("privacy_text", "nb"), field_label("privacy_text", "en")):
        if text.lower().startswith(heading.lower() + ":"):
            return text[len(heading) + 1:].lstrip()
    return text


def _yes_no(value: bool, lang: str) -> str:
    return w("yes" if value else "no", lang)


def _story(doc: AgreementDocument, st: L.Styles) -> list[Any]:
    c, lang = doc.content, doc.lang
    story: list[Any] = []
    type_label = av.label(av.AGREEMENT_TYPES, c.agreement_type, lang)
    story.append(Paragraph(L.text(type_label), st.title))
    who = " – ".join(x for x in (c.parties.participant.name, c.parties.employer.name) if x)
    story.append(Paragraph(L.text(who), st.subtitle))

    summary = [[Paragraph(L.text(w(k, lang)), st.label) for k in ("number", "version", "status", "fingerprint")],
               [Paragraph(f"<b>{L.text(doc.number)}</b>", st.cell), Paragraph(f"<b>{doc.version_no}</b>", st.cell),
                Paragraph(f"<b>{L.text(_status_text(doc))}</b>", st.cell),
                Paragraph(f"<b>{short_fingerprint(doc.hash)}</b>", st.cell)]]
    box = Table(summary, colWidths=[48 * mm, 28 * mm, 46 * mm, 48 * mm], hAlign="LEFT")
    box.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), L.REGULAR), ("BACKGROUND", (0, 0), (-1, -1), L.SHADE),
                             ("LINEABOVE", (0, 0), (-1, 0), 1.2, L.ACCENT),
                             ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                             ("LEFTPADDING", (0, 0), (-1, -1), 4)]))
    story.append(box)
    notes = []
    if doc.version_no > 1 and doc.change_types:
        changes = ", ".join(av.label(av.CHANGE_TYPES, t, lang) for t in doc.change_types)
        notes.append(f"{L.text(w('change', lang))}: {L.text(changes)}"
                     + (f" – {L.text(doc.change_reason)}" if doc.change_reason else ""))
    if doc.version_no > 1 and doc.status in ("draft", "ready_for_signing", "partly_signed"):
        notes.append(L.text(w("not_signed_by_parties", lang)))
    notes.append(L.text(w("fingerprint_note", lang)))
    story.append(Spacer(1, 1.5 * mm))
    story += [Paragraph(n, st.small) for n in notes]

    story.append(Paragraph(L.text(w("parties", lang)), st.heading))
    story.append(L.grid_table([w(k, lang) for k in ("role", "name", "organisation", "title", "contact")],
                              _party_rows(c, lang), [30 * mm, 38 * mm, 37 * mm, 22 * mm, 43 * mm], st))

    j = c.job
    story.append(Paragraph(L.text(_label("job", lang)), st.heading))
    job_rows = [("job.title", L.text(j.title)), ("job.tasks", L.text(j.tasks)),
                ("job.percentage", f"{j.percentage} %" if j.percentage is not None else ""),
                ("job.days_per_week", "" if j.days_per_week is None else str(j.days_per_week)),
                ("job.hours_text", L.text(j.hours_text)),
                ("job.employment_form", L.text(av.label(av.EMPLOYMENT_FORMS, j.employment_form, lang))),
                ("job.start", fmt_date(j.start, lang))]
    story.append(L.field_table([(_label(p, lang), v) for p, v in job_rows if v], st))

    story.append(Paragraph(L.text(_label("goals", lang)), st.heading))
    story.append(L.grid_table(["#", _label("category", lang), _label("goals", lang), _label("progress_indicator", lang)],
                              [[str(i + 1), L.text(g.category), L.text(g.description), L.text(g.progress_indicator)]
                               for i, g in enumerate(c.goals)], [8 * mm, 32 * mm, 68 * mm, 62 * mm], st))

    d = c.duration
    story.append(Paragraph(L.text(_label("duration", lang)), st.heading))
    extension = _extension_text(d, lang)
    story.append(L.field_table([
        (_label("start", lang), fmt_date(d.start, lang)), (_label("end", lang), fmt_date(d.end, lang)),
        (_label("may_extend", lang), extension),
        (_label("evaluation_date", lang), f"<b>{fmt_date(d.evaluation_date, lang)}</b>"),
    ], st))

    story.append(Paragraph(L.text(_label("follow_ups", lang)), st.heading))
    fu_rows = []
    for f in c.follow_ups:
        freq = av.label(av.FREQUENCIES, f.frequency, lang)
        if f.frequency == "custom" and f.custom_text:
            freq = f.custom_text
        fu_rows.append([_join(f"<b>{L.text(av.label(av.FOLLOW_UP_ACTORS, f.actor_role, lang))}</b>", L.text(f.actor_name)),
                        L.text(f.purpose), L.text(freq), L.text(av.label(av.FOLLOW_UP_FORMS, f.form, lang)),
                        fmt_period(f.from_date, f.to_date, lang)])
    story.append(L.grid_table([w("who", lang), _label("purpose", lang), _label("frequency", lang), _label("form", lang),
                               w("period", lang)], fu_rows, [38 * mm, 54 * mm, 27 * mm, 21 * mm, 30 * mm], st))
    reason = c.nav_follow_up_reason.strip()
    if c.agreement_type == "toa" and reason and not any(f.actor_role == "nav" for f in c.follow_ups):
        story.append(Paragraph(f"{L.text(w('nav_no_follow_up', lang))}: {L.text(reason)}", st.body))

    story.append(Paragraph(L.text(_label("accommodations", lang)), st.heading))
    if c.accommodations:
        acc_rows = []
        for a in c.accommodations:
            grant = _join(L.text(a.nav_grant), f"{L.text(_label('grant_deadline', lang))}: {fmt_date(a.grant_deadline, lang)}"
                          if a.grant_deadline else "")
            acc_rows.append([L.text(av.label(av.ACCOMMODATION_CATEGORIES, a.category, lang)), L.text(a.description),
                             L.text(a.responsible), fmt_period(a.from_date, a.to_date, lang), grant])
        story.append(L.grid_table([_label("category", lang), _label("description", lang), _label("responsible", lang),
                                   w("period", lang), "NAV"], acc_rows,
                                  [30 * mm, 56 * mm, 28 * mm, 30 * mm, 26 * mm], st))
    else:
        story.append(Paragraph(L.text(w("no_accommodations", lang)), st.body))

    story.append(Paragraph(L.text(_label("responsibilities", lang)), st.heading))
    groups: dict[str, list[str]] = {}
    for r in c.responsibilities:
        groups.setdefault(r.party_role, []).append(r.text)
    order = [r for r in RESPONSIBILITY_ORDER if r in groups] + [r for r in groups if r not in RESPONSIBILITY_ORDER]
    story.append(L.field_table([(av.label(av.SIGNER_ROLES, role, lang),
                                 "<br/>".join(f"•&nbsp;{L.text(t)}" for t in groups[role])) for role in order],
                               st, label_width=36 * mm))

    story.append(Paragraph(L.text(_label("privacy_text", lang)), st.heading))
    story.append(Paragraph(L.text(_privacy_body(c.privacy_text, lang)), st.body))
    controller = c.parties.job_specialist.organisation
    if controller:
        story.append(Paragraph(f"{L.text(w('controller', lang))}: <b>{L.text(controller)}</b>", st.body))

    # Heading, intro and boxes stay on one page: a signature page must show what is being signed for.
    story.append(KeepTogether([Paragraph(L.text(w("signatures", lang)), st.heading),
                               Paragraph(L.text(w("signatures_intro", lang)), st.small), Spacer(1, 2.5 * mm),
                               _signature_grid(doc, st)]))
    return story


def _current_signatures(signatures: Sequence[Signature]) -> dict[str, Signature]:
    latest: dict[str, Signature] = {}
    for s in signatures:
        if s.revoked_at is None and (s.role not in latest or s.signed_at > latest[s.role].signed_at):
            latest[s.role] = s
    return latest


def _signer_name(content: AgreementContent, role: str) -> tuple[str, str]:
    """(name, organisation) printed under an unsigned box, from the parties snapshot."""
    p = content.parties
    party = {"employee": p.participant, "employer": p.employer_contact, "nav": p.nav_contact,
             "job_specialist": p.job_specialist}.get(role)
    if party is None:
        return "", ""
    org = p.employer.name if role == "employer" else party.organisation
    return party.name, org


BLOCK_WIDTH = 81 * mm
BOX_HEIGHT = 15 * mm


def _signature_block(doc: AgreementDocument, role: str, sig: Signature | None, st: L.Styles,
                     party: PartySnapshot | None = None) -> Table:
    """One party's box; `party` is one of the other parties (a behandler …), who sign on the printed copy."""
    lang = doc.lang
    name, org = (party.name, party.organisation) if party is not None else _signer_name(doc.content, role)
    heading = party_role_label(party.role if party is not None else role, lang)
    rows: list[list[Any]] = [[Paragraph(f"<b>{L.text(heading)}</b>", st.cell_head)]]
    if sig is None:
        rows.append([SignatureBox(BLOCK_WIDTH - 6, BOX_HEIGHT)])
        under = f"{L.text(w('date', lang))}: ______________"
        method_line = ""
    else:
        name = sig.name or name
        when = fmt_date(sig.signed_at, lang)
        strokes = parse_strokes(sig.strokes_json) if sig.method == "drawn" else None
        if sig.method == "paper":
            note = f"{w('signed_on_paper', lang)} {when}"
        elif sig.method == "on_behalf":
            note = f"{w('signed_on_behalf', lang)} {when}"
        else:
            note = f"{w('signed_on_screen', lang)} {when}"
        rows.append([SignatureBox(BLOCK_WIDTH - 6, BOX_HEIGHT, strokes=strokes, note=note)])
        under = f"{L.text(w('date', lang))}: {when}"
        method_line = ""
        if sig.method == "on_behalf":
            reason = (sig.on_behalf_reason or "").strip()
            reason += "" if not reason or reason[-1] in ".!?" else "."
            method_line = _join(f"{L.text(w('reason', lang))}: {L.text(reason)}",
                                L.text(w("party_informed", lang)) if sig.party_informed else "", sep=" ")
    rows.append([Paragraph(_join(f"<b>{L.text(name)}</b>", L.text(org) if org and org != name else "", sep=", "),
                           st.cell)])
    rows.append([Paragraph(_join(under, method_line), st.label)])
    block = Table(rows, colWidths=[BLOCK_WIDTH], hAlign="LEFT")
    block.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), L.REGULAR), ("BOX", (0, 0), (-1, -1), 0.6, L.RULE),
                               ("BACKGROUND", (0, 0), (-1, 0), L.SHADE),
                               ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                               ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5)]))
    return block


def _signature_grid(doc: AgreementDocument, st: L.Styles) -> Table:
    current = _current_signatures(doc.signatures)
    roles = list(required_signers(doc.content))
    roles += [r for r in current if r not in roles]
    blocks: list[Any] = [_signature_block(doc, role, current.get(role), st) for role in roles]
    blocks += [_signature_block(doc, "other", None, st, party=p) for p in doc.content.parties.others if p.name]
    if len(blocks) % 2:
        blocks.append("")
    rows = [blocks[i:i + 2] for i in range(0, len(blocks), 2)]
    grid = Table(rows, colWidths=[L.CONTENT_WIDTH / 2] * 2, hAlign="LEFT")
    grid.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), L.REGULAR), ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                              ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 3 * mm)]))
    return grid


def render_agreement_pdf(doc: AgreementDocument) -> bytes:
    """A4 PDF bytes; the same input always gives the same bytes (reportlab's invariant mode)."""
    register_fonts()
    lang = doc.lang
    st = L.make_styles()
    type_label = av.label(av.AGREEMENT_TYPES, doc.content.agreement_type, lang)
    version_word = w("version", lang).lower()
    fingerprint = short_fingerprint(doc.hash)
    decor = L.PageDecor(
        header=f"{type_label} · {doc.number} · {version_word} {doc.version_no}",
        footer_left=f"{doc.number} · {version_word} {doc.version_no} · {w('fingerprint', lang).lower()} {fingerprint}",
        page_words=w("page", lang),
    )
    mark = {"draft": w("draft_mark", lang), "annulled": w("annulled_mark", lang)}.get(doc.status)

    def on_page(canvas: Any, _doc: Any) -> None:
        if mark:
            L.draw_watermark(canvas, mark)

    buf = io.BytesIO()
    template = SimpleDocTemplate(
        buf, pagesize=L.A4, leftMargin=L.MARGIN_X, rightMargin=L.MARGIN_X, topMargin=L.MARGIN_TOP,
        bottomMargin=L.MARGIN_BOTTOM, title=f"{type_label} {doc.number} ({version_word} {doc.version_no})",
        author=doc.content.parties.job_specialist.name or "Fieldapp", subject=doc.content.parties.participant.name,
        keywords=keywords(doc), creator=f"Fieldapp {__version__}", lang="en" if lang == "en" else "nb",
        invariant=1,
    )
    story = _story(doc, st)
    template.build(story, onFirstPage=on_page, onLaterPages=on_page, canvasmaker=L.canvas_class(decor))
    return buf.getvalue()
