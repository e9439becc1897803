"""A subscriber process for the change-feed tests and benchmark: a Qt event loop with a ChangeFeed.

Writes one JSON line per delivered event ({"id", "kind", "t"}), per online change ({"online", "t"}) and per
change of the reported cause ({"problem": code or null, "t"}) to OUT, with ``t`` from time.time() at
delivery on the GUI thread. Stops when the file STOP appears.

    python -m tests.feed.subscriber URL OUT STOP [--position FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("out")
    parser.add_argument("stop")
    parser.add_argument("--position")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QCoreApplication, QTimer

    from antrian.gui.feed import ChangeFeed
    from antrian.store.database import open_database
    from antrian.store.feed import FeedPosition

    app = QCoreApplication(sys.argv[:1])
    database = open_database(args.url)
    out = open(args.out, "a", buffering=1)  # noqa: SIM115 (open for the life of the process)

    def write(record: dict[str, object]) -> None:
        out.write(json.dumps({**record, "t": time.time()}) + "\n")

    def handle(events: list) -> None:  # type: ignore[type-arg]
        now = time.time()
        for event in events:
            out.write(json.dumps({"id": event.id, "kind": event.kind, "t": now}) + "\n")

    feed = ChangeFeed(database)
    feed.onlineChanged.connect(lambda online: write({"online": online}))
    feed.problemChanged.connect(lambda problem: write({"problem": problem and problem.code}))
    feed.subscribed.connect(lambda _id, after: write({"ready": after}))
    position = FeedPosition(Path(args.position)) if args.position else None
    feed.subscribe(handle, position)
    write({"subscribed": True})

    stop_path = Path(args.stop)

    def check_stop() -> None:
        if stop_path.exists():
            feed.close()
            app.quit()

    timer = QTimer()
    timer.timeout.connect(check_stop)
    timer.start(50)
    app.exec()
    out.close()
    database.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
