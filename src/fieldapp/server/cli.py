"""`fieldapp-server`: run the sync server and administer teams and devices."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from fieldapp.server import store
from fieldapp.server.config import Settings, default_data_dir
from fieldapp.server.db import DataFolderUnusable, make_engine
from fieldapp.server.migrate import upgrade
from fieldapp.sync.protocol import ProtocolError, uuid_text


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS,
                   help=f"server data folder (default: {default_data_dir()})")
    p.add_argument("--database-url", default=argparse.SUPPRESS,
                   help="SQLAlchemy URL, e.g. postgresql+psycopg://user@host/db (default: SQLite in the data folder)")


def _port(text: str) -> int:
    """A TCP port (0 lets the system choose one): refused here, not as an OverflowError from the socket."""
    try:
        port = int(text)
    except ValueError:
        port = -1
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"'{text}' is not a port: give a number from 0 to 65535")
    return port


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="fieldapp-server", description="Fieldapp sync server (sees only ciphertext).")
    _common(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    serve = sub.add_parser("serve", help="run the server")
    _common(serve)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=_port, default=8765)
    serve.add_argument("--tls-cert", type=Path)
    serve.add_argument("--tls-key", type=Path)
    serve.add_argument("--max-body-bytes", type=int, default=Settings.max_body_bytes,
                       help="the largest push body (enroll, approve and recovery have small fixed limits)")
    serve.add_argument("--body-timeout", type=float, default=Settings.body_timeout_s, metavar="SECONDS",
                       help="a body must arrive within this plus its size at 64 KiB/s")
    serve.add_argument("--max-in-flight", type=int, default=Settings.max_in_flight,
                       help="requests served at once (each device may have 4, enrollments 8 together)")
    team = sub.add_parser("team", help="teams").add_subparsers(dest="team_command", required=True)
    create = team.add_parser("create", help="create a team and print its id")
    _common(create)
    create.add_argument("name")
    code = sub.add_parser("enrollment-code", help="print a one-time, short-lived enrollment code for a team")
    _common(code)
    code.add_argument("team")
    code.add_argument("--ttl-minutes", type=int, default=15)
    device = sub.add_parser("device", help="devices").add_subparsers(dest="device_command", required=True)
    dlist = device.add_parser("list", help="list a team's devices")
    _common(dlist)
    dlist.add_argument("team")
    revoke = device.add_parser("revoke", help="revoke a device (next request gets 401; the team key rotates)")
    _common(revoke)
    revoke.add_argument("device")
    return parser


def _settings(args: argparse.Namespace, *, max_body_bytes: int = Settings.max_body_bytes,
              body_timeout_s: float = Settings.body_timeout_s, max_in_flight: int = Settings.max_in_flight) -> Settings:
    data_dir: Path = getattr(args, "data_dir", None) or default_data_dir()
    database_url: str | None = getattr(args, "database_url", None)
    return Settings(data_dir=data_dir, database_url=database_url, max_body_bytes=max_body_bytes,
                    body_timeout_s=body_timeout_s, max_in_flight=max_in_flight)


def _fail(text: str) -> int:
    print(f"fieldapp-server: {text}", file=sys.stderr)
    return 2


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "serve":
            return _serve(args)
        settings = _settings(args)
        engine = make_engine(settings.url)
        try:
            upgrade(engine)
            return _admin(args, settings, engine)
        finally:
            engine.dispose()
    except (store.UnknownTeam, store.UnknownDevice) as exc:
        return _fail(f"not found: {exc}")
    except (ValueError, ProtocolError) as exc:
        return _fail(str(exc))
    except DataFolderUnusable as exc:
        return _fail(str(exc))
    except SQLAlchemyError as exc:
        # The database's own text may quote stored values: only its kind and code are shown.
        orig = getattr(exc, "orig", None)
        code = getattr(orig, "sqlstate", None) or getattr(orig, "sqlite_errorname", None) or ""
        return _fail(f"database error ({type(orig or exc).__name__} {code}".rstrip() + "): check that the database "
                     "is reachable, not full and not in use by an older server version, then retry")


def _admin(args: argparse.Namespace, settings: Settings, engine: Engine) -> int:
    if args.command == "team":
        print(store.create_team(engine, args.name))
    elif args.command == "enrollment-code":
        if not 1 <= args.ttl_minutes <= 7 * 24 * 60:
            raise ValueError("--ttl-minutes must be between 1 and 10080")
        code, expires = store.enrollment_code(engine, uuid_text(args.team, "team"),
                                              ttl_s=args.ttl_minutes * 60)
        print(code)
        print(f"valid until {expires:%Y-%m-%d %H:%M} UTC, once", file=sys.stderr)
    elif args.device_command == "list":
        for d in store.list_devices(engine, uuid_text(args.team, "team")):
            print(f"{d.device_id}  {d.status:8}  {d.created_at}  {d.name}")
    else:
        team_id = store.revoke_device(engine, uuid_text(args.device, "device"))
        print(f"revoked {args.device}; the data key of team {team_id} rotates at the next sync of a member device")
    return 0


def certificate_fingerprint(pem_file: Path) -> str:
    """The SHA-256 of the first certificate in a PEM file (the server's own, before any chain), as AB:CD:…"""
    import hashlib
    import ssl

    text = pem_file.read_text(encoding="ascii")
    end = "-----END CERTIFICATE-----"
    first = text[text.index("-----BEGIN CERTIFICATE-----"):text.index(end) + len(end)]
    digest = hashlib.sha256(ssl.PEM_cert_to_DER_cert(first)).hexdigest().upper()
    return ":".join(digest[i:i + 2] for i in range(0, 64, 2))


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from fieldapp.server.app import create_app

    if bool(args.tls_cert) != bool(args.tls_key):
        return _fail("--tls-cert and --tls-key go together")
    settings = _settings(args, max_body_bytes=args.max_body_bytes, body_timeout_s=args.body_timeout,
                         max_in_flight=args.max_in_flight)
    if args.tls_cert:
        try:
            fingerprint = certificate_fingerprint(args.tls_cert)
        except (OSError, ValueError) as exc:
            return _fail(f"--tls-cert {args.tls_cert}: not a readable PEM certificate ({type(exc).__name__})")
        print(f"fieldapp-server: certificate SHA-256 (for 'fieldapp enroll --pin-sha256'): {fingerprint}",
              file=sys.stderr)
    elif args.host not in ("127.0.0.1", "::1", "localhost"):
        print("fieldapp-server: serving plain HTTP beyond this computer: clients refuse it unless enrolled with "
              "--allow-insecure-http; put TLS in front (see docs/server-deployment.md) or use --tls-cert/--tls-key",
              file=sys.stderr)
    app = create_app(settings)
    uvicorn.run(app, host=args.host, port=args.port, log_level="info",
                ssl_certfile=str(args.tls_cert) if args.tls_cert else None,
                ssl_keyfile=str(args.tls_key) if args.tls_key else None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
