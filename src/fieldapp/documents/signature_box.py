"""The box a party signs in: drawn strokes scaled into it, a line of text for paper or on-behalf signatures,
or an empty line to sign on when printed."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from fieldapp.documents.fonts import REGULAR
from fieldapp.documents.layout import INK, MUTED, RULE
from fieldapp.domain.signature_strokes import Strokes

PEN = INK


class SignatureBox(Flowable):
    def __init__(self, width: float, height: float, *, strokes: Strokes | None = None, note: str = "") -> None:
        super().__init__()
        self.width, self.height = width, height
        self.strokes = strokes
        self.note = note

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setStrokeColor(RULE)
        c.setLineWidth(0.6)
        c.line(0, 4 * mm, self.width, 4 * mm)  # the line to sign on
        if self.strokes is not None:
            self._draw_strokes()
        elif self.note:
            c.setFillColor(MUTED)
            c.setFont(REGULAR, 8.5)
            c.drawString(2 * mm, 6 * mm, self.note)
        c.restoreState()

    def _draw_strokes(self) -> None:
        assert self.strokes is not None
        x0, y0, x1, y1 = self.strokes.bounds()
        pad = 1.5 * mm
        box_w, box_h = self.width - 2 * pad, self.height - 2 * pad
        src_w, src_h = max(x1 - x0, 1e-6), max(y1 - y0, 1e-6)
        scale = min(box_w / src_w, box_h / src_h)  # keep the signature's proportions
        off_x = pad + (box_w - src_w * scale) / 2
        off_y = pad + (box_h - src_h * scale) / 2
        c = self.canv
        c.setStrokeColor(PEN)
        c.setLineWidth(1.1)
        c.setLineCap(1)
        c.setLineJoin(1)
        for stroke in self.strokes.strokes:
            # Pad coordinates have y pointing down; PDF's y points up.
            pts = [(off_x + (x - x0) * scale, off_y + (y1 - y) * scale) for x, y in stroke]
            if len(pts) == 1:
                x, y = pts[0]
                c.circle(x, y, 0.5, stroke=1, fill=1)
                continue
            path = c.beginPath()
            path.moveTo(*pts[0])
            for p in pts[1:]:
                path.lineTo(*p)
            c.drawPath(path, stroke=1, fill=0)
