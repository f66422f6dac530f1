"""Signing one party's signature: drawn on screen (mouse, pen or touch, kept as vector strokes), recorded as
signed on paper (when, optionally a scan), or signed on behalf of the party (reason, party informed).

The pad writes fieldapp.domain.signature_strokes' stored form: {"width", "height", "strokes": [[[x, y] …] …]},
in the pad's pixels with y pointing down.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QDateTime, QEvent, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen, QTabletEvent
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateTimeEdit, QDialog, QDialogButtonBox, QFileDialog,
                               QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton,
                               QSizePolicy, QTabWidget, QVBoxLayout, QWidget)

from fieldapp.domain import agreement_content as ac
from fieldapp.domain import agreement_vocab as av
from fieldapp.domain import signature_strokes
from fieldapp.ui.i18n import label, translate
from fieldapp.ui.widgets.screen import fit_to_screen
from fieldapp.ui.widgets.theme import NOTE, box_style, warning_style

Point = tuple[float, float]


class SignaturePad(QWidget):
    """A white area to sign on. `strokes_changed` after a stroke is finished or the pad cleared."""

    strokes_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signature_pad")
        self.setAccessibleName(translate("SignaturePad", "Signature area: sign with the mouse, a pen or a finger"))
        self.setMinimumSize(560, 190)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.strokes: list[list[Point]] = []
        self._current: list[Point] | None = None

    # --- input --------------------------------------------------------------------------------------------
    def _begin(self, pos: QPointF) -> None:
        self._current = [(pos.x(), pos.y())]
        self.update()

    def _extend(self, pos: QPointF) -> None:
        if self._current is not None:
            point = (pos.x(), pos.y())
            if point != self._current[-1]:
                self._current.append(point)
                self.update()

    def _end(self, pos: QPointF | None = None) -> None:
        if self._current is None:
            return
        if pos is not None:
            self._extend(pos)
        self.strokes.append(self._current)
        self._current = None
        self.update()
        self.strokes_changed.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        self._extend(event.position())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if event.button() == Qt.MouseButton.LeftButton:
            self._end(event.position())

    def tabletEvent(self, event: QTabletEvent) -> None:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind == QEvent.Type.TabletPress:
            self._begin(event.position())
        elif kind == QEvent.Type.TabletMove:
            self._extend(event.position())
        elif kind == QEvent.Type.TabletRelease:
            self._end(event.position())
        event.accept()  # no synthesised mouse events: the stroke would be drawn twice

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd):
            points = event.points()
            if points:
                pos = points[0].position()
                {QEvent.Type.TouchBegin: self._begin, QEvent.Type.TouchUpdate: self._extend,
                 QEvent.Type.TouchEnd: self._end}[kind](pos)
            event.accept()
            return True
        return super().event(event)

    # --- value --------------------------------------------------------------------------------------------
    def clear(self) -> None:
        self.strokes.clear()
        self._current = None
        self.update()
        self.strokes_changed.emit()

    @property
    def has_ink(self) -> bool:
        return any(len(s) > 1 for s in self.strokes)

    def to_json(self) -> str:
        return signature_strokes.to_json(self.strokes, width=self.width(), height=self.height())

    # --- drawing ------------------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        painter.setPen(QPen(QColor("#9aa0a6"), 1, Qt.PenStyle.DashLine))
        baseline = self.height() - 40
        painter.drawLine(24, baseline, self.width() - 24, baseline)
        painter.drawText(24, baseline + 20, translate("SignaturePad", "Sign above the line"))
        painter.setPen(QPen(QColor("#0b2a6b"), 2.4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                            Qt.PenJoinStyle.RoundJoin))
        for stroke in [*self.strokes, *([self._current] if self._current else [])]:
            path = QPainterPath(QPointF(*stroke[0]))
            for x, y in stroke[1:]:
                path.lineTo(x, y)
            painter.drawPath(path)
        painter.setPen(QPen(QColor("#dadce0"), 1))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        painter.end()


@dataclass(frozen=True)
class SignRequest:
    role: str
    name: str
    method: str  # "drawn" | "paper" | "on_behalf"
    confirmation_text: str
    strokes_json: str | None = None
    scan_path: str | None = None
    on_behalf_reason: str | None = None
    party_informed: bool = False
    signed_at: datetime | None = None


def party_name(content: ac.AgreementContent, role: str) -> str:
    p = content.parties
    if role == "employee":
        return p.participant.name
    if role == "employer":
        return p.employer_contact.name or p.employer.name
    if role == "nav":
        return p.nav_contact.name if p.nav_contact else ""
    if role == "job_specialist":
        return p.job_specialist.name
    return ""


METHODS = ("drawn", "paper", "on_behalf")


class SignatureDialog(QDialog):
    """One party's signature. `sign_requested(SignRequest)`; the caller signs and closes it (or shows an error)."""

    sign_requested = Signal(object)

    def __init__(self, content: ac.AgreementContent, roles: list[str], *, number: str, version_no: int,
                 now: datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signature_dialog")
        self.setWindowTitle(translate("SignatureDialog", "Sign the agreement"))
        self.content = content
        self.role = QComboBox()
        self.role.setObjectName("sign_role")
        for role in roles:
            self.role.addItem(label(av.SIGNER_ROLES, role), role)
        self.name = QLineEdit()
        self.name.setObjectName("sign_name")
        self.confirmation_text = translate(
            "SignatureDialog", "I have read agreement %1, version %2, including the text on confidentiality and "
                               "personal data, and I agree to its content.").replace("%1", number) \
            .replace("%2", str(version_no))
        text = QLabel(self.confirmation_text)
        text.setObjectName("confirmation_text")
        text.setWordWrap(True)
        text.setStyleSheet(box_style(NOTE) + " padding: 8px; border-radius: 4px;")
        self.confirm = QCheckBox(translate("SignatureDialog", "The party confirms the text above"))
        self.confirm.setObjectName("sign_confirm")

        self.pad = SignaturePad()
        clear = QPushButton(translate("SignatureDialog", "C&lear"))
        clear.setObjectName("clear_pad")
        clear.clicked.connect(self.pad.clear)
        draw = QWidget()
        draw_layout = QVBoxLayout(draw)
        draw_layout.addWidget(self.pad, 1)
        clear_row = QHBoxLayout()
        clear_row.addStretch(1)
        clear_row.addWidget(clear)
        draw_layout.addLayout(clear_row)

        paper = QWidget()
        paper_form = QFormLayout(paper)
        now_q = QDateTime.fromSecsSinceEpoch(int(now.timestamp()))
        self.paper_when = QDateTimeEdit(now_q)
        self.paper_when.setObjectName("paper_signed_at")
        self.paper_when.setDisplayFormat("dd.MM.yyyy HH:mm")
        self.paper_when.setCalendarPopup(True)
        self.paper_when.setMaximumDateTime(now_q)
        paper_form.addRow(translate("SignatureDialog", "Signed &on"), self.paper_when)
        self.scan_path: str | None = None
        self.scan_label = QLabel(translate("SignatureDialog", "No scan attached (optional)"))
        self.scan_label.setObjectName("scan_label")
        attach = QPushButton(translate("SignatureDialog", "&Attach scan …"))
        attach.setObjectName("attach_scan")
        attach.clicked.connect(self.choose_scan)
        scan_row = QHBoxLayout()
        scan_row.addWidget(self.scan_label, 1)
        scan_row.addWidget(attach)
        paper_form.addRow(translate("SignatureDialog", "Scan (PDF, PNG, JPEG)"), scan_row)
        hint = QLabel(translate("SignatureDialog", "Keep the signed paper copy; the scan is stored encrypted with "
                                                   "the agreement."))
        hint.setWordWrap(True)
        paper_form.addRow(hint)

        behalf = QWidget()
        behalf_form = QFormLayout(behalf)
        self.behalf_reason = QPlainTextEdit()
        self.behalf_reason.setObjectName("on_behalf_reason")
        self.behalf_reason.setTabChangesFocus(True)
        self.behalf_reason.setMaximumHeight(90)
        behalf_form.addRow(translate("SignatureDialog", "&Reason"), self.behalf_reason)
        self.informed = QCheckBox(translate("SignatureDialog", "The party has been informed of the content and of "
                                                                "this signature"))
        self.informed.setObjectName("party_informed")
        behalf_form.addRow(self.informed)

        self.methods = QTabWidget()
        self.methods.setObjectName("sign_methods")
        self.methods.addTab(draw, translate("SignatureDialog", "Sign on screen"))
        self.methods.addTab(paper, translate("SignatureDialog", "Signed on paper"))
        self.methods.addTab(behalf, translate("SignatureDialog", "On behalf of the party"))

        self.error = QLabel()
        self.error.setObjectName("sign_error")
        self.error.setStyleSheet(warning_style())
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.sign_button = buttons.addButton(translate("SignatureDialog", "Sign"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_button.setObjectName("sign_ok")
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(translate("SignatureDialog", "&Party"), self.role)
        form.addRow(translate("SignatureDialog", "&Name"), self.name)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(text)
        layout.addWidget(self.confirm)
        layout.addWidget(self.methods, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

        self.role.currentIndexChanged.connect(self._role_changed)
        for signal in (self.confirm.toggled, self.pad.strokes_changed, self.methods.currentChanged,
                       self.informed.toggled, self.behalf_reason.textChanged, self.name.textChanged):
            signal.connect(self._update_enabled)
        self._role_changed()
        fit_to_screen(self, QSize(680, 620))

    @property
    def method(self) -> str:
        return METHODS[self.methods.currentIndex()]

    def _role_changed(self) -> None:
        self.name.setText(party_name(self.content, self.role.currentData() or ""))
        self._update_enabled()

    def _update_enabled(self) -> None:
        ok = self.confirm.isChecked() and bool(self.name.text().strip()) and self.role.currentData() is not None
        if self.method == "drawn":
            ok = ok and self.pad.has_ink
        elif self.method == "on_behalf":
            ok = ok and self.informed.isChecked() and bool(self.behalf_reason.toPlainText().strip())
        self.sign_button.setEnabled(ok)

    def choose_scan(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, translate("SignatureDialog", "Attach the scanned signature"), "",
                                              translate("SignatureDialog", "Scans (*.pdf *.png *.jpg *.jpeg)"))
        if path:
            self.set_scan(path)

    def set_scan(self, path: str | None) -> None:
        self.scan_path = path
        self.scan_label.setText(Path(path).name if path else translate("SignatureDialog", "No scan attached (optional)"))

    def request(self) -> SignRequest:
        method = self.method
        signed_at = None
        if method == "paper":
            signed_at = datetime.fromtimestamp(self.paper_when.dateTime().toSecsSinceEpoch()).astimezone()
        return SignRequest(
            role=self.role.currentData(), name=self.name.text().strip(), method=method,
            confirmation_text=self.confirmation_text,
            strokes_json=self.pad.to_json() if method == "drawn" else None,
            scan_path=self.scan_path if method == "paper" else None,
            on_behalf_reason=self.behalf_reason.toPlainText().strip() if method == "on_behalf" else None,
            party_informed=self.informed.isChecked() if method == "on_behalf" else False,
            signed_at=signed_at)

    def submit(self) -> None:
        if not self.sign_button.isEnabled():
            return
        self.error.hide()
        self.sign_requested.emit(self.request())

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
