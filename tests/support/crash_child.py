"""Child process for the crash test: saves visits in a loop until it is killed.

Usage: python -m tests.support.crash_child DATA_DIR PARTICIPANT_ID

Prints "open" once the workspace is open, then "committed <visit id>" after each save has returned
(so the commit is durable), flushing stdout every time. The keyring is shared with the parent through
FIELDAPP_TEST_KEYRING_FILE and PYTHON_KEYRING_BACKEND.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path


def main(argv: list[str]) -> int:
    data_dir, participant_id = Path(argv[0]), argv[1]

    from fieldapp.domain.visit_records import Visit
    from fieldapp.services import records
    from fieldapp.services.workspace import open_workspace

    ws = open_workspace(data_dir)
    print("open", flush=True)
    n = 0
    while True:
        n += 1
        visit = records.save(ws, Visit(
            participant_id=participant_id,
            starts_at=datetime.now(UTC),
            summary=f"Besøk {n}: trives på lageret, ønsker å øke stillingen – blåbærsyltetøy",
        ))
        print(f"committed {visit.id}", flush=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
