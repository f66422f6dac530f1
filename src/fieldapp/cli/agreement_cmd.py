"""`fieldapp agreement list|pdf|verify`: follow-up agreements, their PDF and checking a sealed copy."""

from __future__ import annotations

import argparse
from pathlib import Path

from fieldapp.cli.common import EXIT_FAILED, EXIT_OK, add_data_dir, error, lang, workspace
from fieldapp.domain import agreement_vocab as av


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("agreement", help="oppfølgingsavtaler: liste, PDF, kontroll av forseglet kopi / "
                                         "follow-up agreements: list, PDF, verify a sealed copy")
    add_data_dir(p)
    p.set_defaults(func=lambda args: error("velg list, pdf eller verify" if lang() == "nb"
                                           else "choose list, pdf or verify"))
    actions = p.add_subparsers(dest="action", metavar="ACTION")

    ls = actions.add_parser("list", help="alle avtaler: id, nummer, deltaker, versjon, status")
    add_data_dir(ls)
    ls.set_defaults(func=run_list)

    pdf = actions.add_parser("pdf", help="skriv avtalens PDF (den forseglede kopien når versjonen er inngått)")
    add_data_dir(pdf)
    pdf.add_argument("agreement", metavar="ID", help="avtalens id eller nummer")
    pdf.add_argument("--version", type=int, default=None, metavar="N", help="versjonsnummer (standard: siste)")
    pdf.add_argument("--lang", choices=("nb", "en"), default="nb", help="språk i dokumentet (standard nb)")
    pdf.add_argument("--out", type=Path, required=True, metavar="FILE.pdf", help="PDF-filen som skal skrives")
    pdf.set_defaults(func=run_pdf)

    verify = actions.add_parser("verify", help="kontroller at en PDF er en uendret forseglet kopi av en kjent avtale; "
                                               "exit 0 bare da")
    add_data_dir(verify)
    verify.add_argument("file", type=Path, metavar="FILE.pdf")
    verify.set_defaults(func=run_verify)


def run_list(args: argparse.Namespace) -> int:
    from fieldapp.services.agreement_documents import list_agreements

    language = lang()
    with workspace(args) as ws:
        rows = list_agreements(ws)
    if not rows:
        print("Ingen avtaler." if language == "nb" else "No agreements.")
        return EXIT_OK
    head = ("id", "nummer" if language == "nb" else "number", "deltaker" if language == "nb" else "participant",
            "versjon" if language == "nb" else "version", "status")
    table = [head] + [(r.agreement_id, r.number, r.participant_name, str(r.version_no),
                       av.label(av.AGREEMENT_STATUSES, r.status, language)
                       + (" (forseglet)" if r.sealed and language == "nb" else " (sealed)" if r.sealed else ""))
                      for r in rows]
    widths = [max(len(row[i]) for row in table) for i in range(len(head) - 1)]
    for row in table:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths)) + "  " + row[-1])
    return EXIT_OK


def run_pdf(args: argparse.Namespace) -> int:
    from fieldapp.services.agreement_documents import save_pdf

    if args.version is not None and args.version < 1:
        return error("--version må være 1 eller mer" if lang() == "nb" else "--version must be 1 or more")
    if args.out.suffix.lower() != ".pdf":
        return error(f"{args.out}: filnavnet må slutte på .pdf" if lang() == "nb"
                     else f"{args.out}: the file name must end in .pdf")
    with workspace(args) as ws:
        result = save_pdf(ws, args.agreement, args.out, version_no=args.version, lang=args.lang)
    status = av.label(av.AGREEMENT_STATUSES, result.status, lang())
    if lang() == "nb":
        kind = "forseglet kopi" if result.sealed else "ikke forseglet"
        print(f"Skrev {args.out}: avtale {result.number} versjon {result.version_no} ({status}, {kind}), "
              f"SHA-256 {result.sha256}")
    else:
        kind = "sealed copy" if result.sealed else "not sealed"
        print(f"Wrote {args.out}: agreement {result.number} version {result.version_no} ({status}, {kind}), "
              f"SHA-256 {result.sha256}")
    return EXIT_OK


def run_verify(args: argparse.Namespace) -> int:
    from fieldapp.services.agreement_documents import verify_file

    language = lang()
    with workspace(args) as ws:
        result = verify_file(ws, args.file)
    line = result.message.text(language)
    if result.ok:
        print(f"OK: {line}")
        return EXIT_OK
    print(("IKKE GODKJENT: " if language == "nb" else "NOT VERIFIED: ") + line)
    return EXIT_FAILED
