"""`fieldapp enroll`, `fieldapp devices pending|approve`, `fieldapp sync [rotate-token|reset]`, `fieldapp conflicts list`."""

from __future__ import annotations

import argparse
import base64
import getpass
import json
import os
import sys
import traceback
from pathlib import Path
from typing import Any

from fieldapp.cli.common import EXIT_ERROR, EXIT_FAILED, EXIT_OK, add_data_dir, error, lang, workspace
from fieldapp.domain import hlc
from fieldapp.domain.messages import DomainError, Message, ValidationFailed
from fieldapp.files import write_atomic
from fieldapp.services.sync import default_device_name


def _t(nb: str, en: str) -> str:
    return en if lang() == "en" else nb


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("enroll", help="koble denne datamappen til en synkroniseringsserver / enroll with a sync server")
    add_data_dir(p)
    p.add_argument("--server", required=True, help="server URL, e.g. https://sync.example.org")
    p.add_argument("--code", required=True, help="one-time enrollment code from the administrator")
    # The server stores the name as given: the host name is often the employee's own name.
    p.add_argument("--name", default=None, help="a name for this device (default: fieldapp-<4 random hex digits>)")
    p.add_argument("--recovery-key", action="store_true",
                   help="ask for the team's recovery key (when every other device is lost); it is never an argument")
    p.add_argument("--recovery-key-file", type=Path, metavar="FILE",
                   help="read the team's recovery key from FILE instead of asking")
    p.add_argument("--pin-sha256", metavar="HEX",
                   help="the server certificate's SHA-256 fingerprint (from the administrator); checked at every sync")
    p.add_argument("--allow-insecure-http", action="store_true",
                   help="allow plain http:// to a host other than this computer (closed, trusted networks only; "
                        "see docs/server-deployment.md)")
    p.set_defaults(func=run_enroll)

    d = sub.add_parser("devices", help="enheter i teamet / the team's devices")
    add_data_dir(d)
    dsub = d.add_subparsers(dest="devices_command", metavar="ACTION", required=True)
    pending = dsub.add_parser("pending", help="enheter som venter på godkjenning / devices waiting for approval")
    add_data_dir(pending)
    pending.set_defaults(func=run_pending)
    approve = dsub.add_parser("approve", help="godkjenn en enhet / approve a device")
    add_data_dir(approve)
    approve.add_argument("device")
    approve.add_argument("--fingerprint", required=True, help="the fingerprint the new device shows")
    approve.set_defaults(func=run_approve)

    s = sub.add_parser("sync", help="synkroniser nå / sync now (one push and pull); exit 0 done, 1 paused, 2 error")
    add_data_dir(s)
    s.add_argument("action", nargs="?", choices=["rotate-token", "reset"],
                   help="rotate-token: ask the server for a new token for this device; reset: leave the team "
                        "(for a revoked device), keeping every record and unsynced change, to enroll again; exit 1 if not "
                        "confirmed")
    s.add_argument("--yes", action="store_true", help="reset without asking for confirmation")
    s.set_defaults(func=run_sync)

    c = sub.add_parser("conflicts", help="konflikter fra synkronisering / sync conflicts")
    add_data_dir(c)
    csub = c.add_subparsers(dest="conflicts_command", metavar="ACTION", required=True)
    clist = csub.add_parser("list", help="vis konflikter / list conflicts")
    add_data_dir(clist)
    clist.add_argument("--all", action="store_true", help="include resolved ones")
    clist.set_defaults(func=run_conflicts)
    quarantine = csub.add_parser("quarantine", help="endringspakker i karantene / quarantined batches")
    add_data_dir(quarantine)
    quarantine.add_argument("--export", type=Path, metavar="FILE.json",
                            help="write them (ciphertext included) to a JSON file for support")
    quarantine.set_defaults(func=run_quarantine)


def _client(ws: Any) -> Any:
    from fieldapp.sync.engine import SyncClient

    return SyncClient(ws.folder)


def _recovery_key(args: argparse.Namespace) -> str | None:
    """From a file or a prompt, never from the command line (it would show in `ps` and the shell history)."""
    if args.recovery_key_file is not None:
        text = args.recovery_key_file.read_text(encoding="utf-8").strip()
    elif args.recovery_key:
        text = getpass.getpass(_t("Teamets gjenopprettingsnøkkel: ", "The team's recovery key: ")).strip()
    else:
        return None
    if not text:
        raise DomainError(Message("sync.no_recovery_key", "Gjenopprettingsnøkkelen er tom.",
                                  "The recovery key is empty."))
    return text


def run_enroll(args: argparse.Namespace) -> int:
    from fieldapp.sync.server_address import check_address, parse_address, with_options

    # Refused before anything is created or sent: the rule is the transport's (sync/server_address.py).
    server = with_options(args.server, pin_sha256=args.pin_sha256, allow_insecure_http=args.allow_insecure_http)
    check_address(parse_address(server))
    recovery = _recovery_key(args)
    name = args.name or default_device_name()  # never the host name: the server stores names in plaintext
    with workspace(args, create=True) as ws:  # enrolling a new device is a first start
        out = _client(ws).enroll(server, args.code, name=name, recovery_key=recovery)
    print(_t(f"Registrert i teamet «{out.team_name}» ({out.team_id}).", f"Enrolled in team '{out.team_name}' ({out.team_id})."))
    print(_t(f"Fingeravtrykk for denne enheten: {out.fingerprint}", f"This device's fingerprint: {out.fingerprint}"))
    if out.recovery_key:
        print(_t("Gjenopprettingsnøkkel for teamet (skriv den ut og oppbevar den trygt; den vises bare nå):",
                 "The team's recovery key (print it and keep it safe; it is shown only now):"))
        print(f"  {out.recovery_key}")
    if out.status == "pending":
        print(_t("Enheten venter på godkjenning. På en enhet som allerede er med i teamet, kjør:",
                 "This device waits for approval. On a device already in the team, run:"))
        print(f"  fieldapp devices approve {ws.device_id} --fingerprint {out.fingerprint}")
    return EXIT_OK


def run_pending(args: argparse.Namespace) -> int:
    with workspace(args) as ws:
        found = _client(ws).pending_devices()
    if not found:
        print(_t("Ingen enheter venter på godkjenning.", "No devices are waiting for approval."))
    for d in found:
        print(f"{d.device_id}  {d.fingerprint}  {d.created_at}  {d.name}")
    return EXIT_OK


def run_approve(args: argparse.Namespace) -> int:
    with workspace(args) as ws:
        team_key = _client(ws).approve(args.device, args.fingerprint)
    print(_t(f"Enheten {args.device} er godkjent og har fått teamets nøkkel.",
             f"Device {args.device} is approved and has received the team's key."))
    print(_t(f"Teamnøkkelens fingeravtrykk: {team_key}. Be brukeren av den nye enheten lese opp fingeravtrykket den "
             "viser etter første synkronisering; er det et annet, tilbakekall enheten og kontakt administratoren.",
             f"Team key fingerprint: {team_key}. Ask the new device's user to read out the fingerprint it shows "
             "after its first sync; if it differs, revoke the device and contact the administrator."))
    return EXIT_OK


def run_sync(args: argparse.Namespace) -> int:
    """Exit 0 done, 1 paused (the server asked to come back later), 2 error; never anything else."""
    try:
        return _run_sync(args)
    except (DomainError, ValidationFailed, OSError):
        raise  # one clear line and exit 2 (cli/common.run_guarded)
    except Exception as exc:  # noqa: BLE001 - every other fault must still end in exit 2, not Python's 1
        if "database is locked" in str(exc):
            return error(_t("Databasen er i bruk av en annen Fieldapp-prosess (appen eller en kommando). Lukk den, "
                            "eller vent til den er ferdig, og prøv igjen. Ingenting er endret.",
                            "The database is in use by another Fieldapp process (the app or a command). Close it, "
                            "or wait for it to finish, and try again. Nothing was changed."))
        if os.environ.get("FIELDAPP_DEBUG"):
            traceback.print_exc()
        return error(_t(f"Synkroniseringen stoppet på en uventet feil ({type(exc).__name__}); ingenting er tapt. "
                        "Kjør med FIELDAPP_DEBUG=1 for detaljer og meld feilen.",
                        f"Sync stopped on an unexpected error ({type(exc).__name__}); nothing is lost. "
                        "Run with FIELDAPP_DEBUG=1 for details and report the bug."))


def _run_sync(args: argparse.Namespace) -> int:
    if args.action == "rotate-token":
        from fieldapp.sync.token import rotate_for_folder

        with workspace(args) as ws:
            rotate_for_folder(ws.folder)
        print(_t("Enheten har fått en ny tilgangsnøkkel (token) hos serveren; den gamle virker ikke lenger.",
                 "This device has a new token at the server; the old one no longer works."))
        return EXIT_OK
    if args.action == "reset":
        return _run_reset(args)
    with workspace(args) as ws:
        client = _client(ws)
        try:
            report = client.sync()
        finally:
            client.close()  # the kept connection: a command does not leave it for the server to time out
        from fieldapp.services import duplicates

        twice = duplicates.count(ws) if report.state == "done" else 0
    summary = _t(
        f"sendt {report.pushed_changes} endringer ({report.pushed_batches} pakker), mottatt {report.applied_changes} "
        f"endringer ({report.pulled_batches} pakker), {report.conflicts} nye konflikter, {report.quarantined} i karantene"
        f" [{report.seconds * 1000:.0f} ms]",
        f"sent {report.pushed_changes} changes ({report.pushed_batches} batches), received {report.applied_changes} "
        f"changes ({report.pulled_batches} batches), {report.conflicts} new conflicts, {report.quarantined} quarantined"
        f" [{report.seconds * 1000:.0f} ms]")
    state = {"done": _t("ferdig", "done"), "paused": _t("satt på pause", "paused"), "error": _t("feil", "error")}
    print(f"{state[report.state]}: {summary}")
    if report.team_key_fingerprint:
        print(_t(f"Teamets nøkkel mottatt. Fingeravtrykk: {report.team_key_fingerprint} – sjekk at enheten som "
                 "godkjente denne, viste det samme.",
                 f"Received the team's key. Fingerprint: {report.team_key_fingerprint} – check that the device that "
                 "approved this one showed the same."))
    for reason in report.quarantine_reasons:
        print(_t(f"  karantene: {reason}", f"  quarantined: {reason}"))
    if twice:
        # Pairs of participants and of employers (same organisation number) alike.
        print(_t(f"Samme person eller arbeidsgiver er registrert to ganger ({twice} par): åpne Synkronisering, "
                 "Konflikter i appen for å slå sammen.",
                 f"The same person or employer is registered twice ({twice} pair{'s' if twice > 1 else ''}): open "
                 "Sync, Conflicts in the app to merge them."))
    if report.error is not None:
        error(report.error.text(lang()))
        if report.error.kind == "auth":
            print(_t("Endringene som ikke er synkronisert, er ikke tapt: «fieldapp sync reset» lar datamappen forlate "
                     "teamet og beholde dem, og etter ny registrering sendes de til teamet.",
                     "The changes not yet synced are not lost: 'fieldapp sync reset' lets the data folder leave the "
                     "team and keep them; after enrolling again they are sent to the team."), file=sys.stderr)
    return {"done": EXIT_OK, "paused": EXIT_FAILED}.get(report.state, EXIT_ERROR)


def _run_reset(args: argparse.Namespace) -> int:
    from fieldapp.services.sync import leave_team, overview

    with workspace(args) as ws:
        now = overview(ws)
        if not now.enrolled:
            return error(_t("Denne datamappen er ikke med i noe team; det er ingenting å tilbakestille.",
                            "This data folder is not in a team; there is nothing to reset."))
        if not args.yes:
            print(_t(f"Denne datamappen forlater teamet «{now.team_name}» ({now.server_url}). Alle opplysninger "
                     f"blir liggende her, også {now.waiting_changes} endringer som ikke er synkronisert; de sendes "
                     "når mappen er registrert på nytt med en ny kode. Bruk dette når enheten er tilbakekalt; "
                     "er den fortsatt med i teamet, be administratoren tilbakekalle den.",
                     f"This data folder leaves the team '{now.team_name}' ({now.server_url}). Every record stays "
                     f"here, also {now.waiting_changes} changes not yet synced; they are sent once the folder is "
                     "enrolled again with a new code. Use this when the device is revoked; if it is still in the "
                     "team, ask the administrator to revoke it."))
            try:
                answer = input(_t("Forlate teamet? [j/N] ", "Leave the team? [y/N] "))
            except EOFError:
                answer = ""
            if answer.strip().lower() not in ("j", "ja", "y", "yes"):
                print(_t("Avbrutt; ingenting er endret.", "Cancelled; nothing was changed."))
                return EXIT_FAILED
        done = leave_team(ws)
    print(_t(f"Datamappen har forlatt teamet og har fått ny enhets-id {done.new_device_id}. {done.kept_records} "
             "poster med endringer som ikke er synkronisert, er beholdt og sendes etter ny registrering:",
             f"The data folder has left the team and has the new device id {done.new_device_id}. "
             f"{done.kept_records} records with changes not yet synced are kept and are sent after enrolling again:"))
    print("  fieldapp enroll --server URL --code " + _t("KODE", "CODE"))
    return EXIT_OK


def _show(value: Any) -> str:
    if value is None:
        return "∅"
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "…"


def run_conflicts(args: argparse.Namespace) -> int:
    from fieldapp.storage import sync_state

    with workspace(args) as ws:
        found = sync_state.conflicts(ws.folder, include_resolved=args.all)
    if not found:
        print(_t("Ingen konflikter.", "No conflicts."))
    for c in found:
        local_when = hlc.format(c.local_hlc) if c.local_hlc else "?"
        print(f"#{c.id} {c.kind} {c.entity} {c.entity_id} {c.field}")
        print(_t(f"    lokalt: {_show(c.local_value)}  ({c.local_device or '?'}, {local_when})",
                 f"    local:  {_show(c.local_value)}  ({c.local_device or '?'}, {local_when})"))
        print(_t(f"    annen:  {_show(c.remote_value)}  ({c.remote_device}, {hlc.format(c.remote_hlc)})",
                 f"    remote: {_show(c.remote_value)}  ({c.remote_device}, {hlc.format(c.remote_hlc)})"))
    sys.stdout.flush()
    return EXIT_OK


def run_quarantine(args: argparse.Namespace) -> int:
    from fieldapp.storage import sync_state

    with workspace(args) as ws:
        found = sync_state.quarantined(ws.folder)
    if not found:
        print(_t("Ingen endringspakker i karantene.", "No quarantined batches."))
    for q in found:
        print(f"#{q.id} cursor {q.cursor} {q.device_id} #{q.seq} key {q.key_id}: {q.reason}")
    if args.export:
        doc = [{"id": q.id, "cursor": q.cursor, "device_id": q.device_id, "seq": q.seq, "key_id": q.key_id,
                "reason": q.reason, "at": q.at.isoformat(), "blob": base64.b64encode(q.blob).decode()} for q in found]
        write_atomic(args.export, json.dumps({"quarantined_batches": doc}, ensure_ascii=False, indent=1)
                     .encode("utf-8"))
        print(_t(f"Skrevet til {args.export}", f"Written to {args.export}"))
    return EXIT_OK
