"""What is wrong in an import file: one problem per line and column, and the refusal that lists them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from fieldapp.domain.messages import DomainError, Message

MAX_LISTED = 20  # problems listed in the message; the rest are counted


@dataclass(frozen=True)
class ImportProblem:
    """One thing wrong in the file: its line (1 = first line of the file), column and what is wrong."""

    line: int
    field_nb: str | None
    field_en: str | None
    message: Message

    def text(self, lang: str = "nb") -> str:
        where = f"linje {self.line}" if lang != "en" else f"line {self.line}"
        name = self.field_en if lang == "en" else self.field_nb
        return f"{where}, {name}: {self.message.text(lang)}" if name else f"{where}: {self.message.text(lang)}"


class ImportRejected(DomainError):
    """The file was not imported, and nothing was stored; `problems` says what is wrong where."""

    def __init__(self, problems: Sequence[ImportProblem]) -> None:
        self.problems: tuple[ImportProblem, ...] = tuple(problems)
        super().__init__(Message("import.rejected", self._render("nb"), self._render("en")))

    def _render(self, lang: str) -> str:
        n = len(self.problems)
        if lang == "en":
            head = f"The file was not imported, and nothing was saved. {n} problem{'s' if n != 1 else ''}:"
            more = "… and {} more."
        else:
            head = f"Filen ble ikke importert, og ingenting er lagret. {n} feil:"
            more = "… og {} til."
        groups = grouped(self.problems, lang)
        lines = [head] + [f"  {text}" for text in groups[:MAX_LISTED]]
        if len(groups) > MAX_LISTED:
            lines.append("  " + more.format(len(groups) - MAX_LISTED))
        return "\n".join(lines)


def grouped(problems: Sequence[ImportProblem], lang: str = "nb") -> list[str]:
    """One text per problem: the same problem in the same column on several lines is one message naming them."""
    order: list[tuple[str | None, str]] = []
    lines: dict[tuple[str | None, str], list[int]] = {}
    first: dict[tuple[str | None, str], ImportProblem] = {}
    for p in problems:
        key = (p.field_en, p.message.en)
        if key not in lines:
            order.append(key)
            lines[key], first[key] = [], p
        lines[key].append(p.line)
    out = []
    for key in order:
        p, at = first[key], lines[key]
        if len(at) == 1:
            out.append(p.text(lang))
            continue
        shown = ", ".join(str(n) for n in at[:10]) + (" …" if len(at) > 10 else "")
        where = f"linje {shown}" if lang != "en" else f"lines {shown}"
        name = p.field_en if lang == "en" else p.field_nb
        out.append(f"{where}, {name}: {p.message.text(lang)}" if name else f"{where}: {p.message.text(lang)}")
    return out
