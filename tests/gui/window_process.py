"""A kiosk and a display in a process of their own, reporting what they show (the database fault tests).

The script opens the real ``KioskWindow`` and ``DisplayWindow`` (offscreen) with the task runner and the
change feed every window process has (``gui.app.WindowProcess``), as ``antrian kiosk`` and ``antrian display``
do. Every 20 ms it looks at what each window shows and writes a JSON line when that changed:

    {"window": "kiosk", "banner": true, "text": "...", "cause": "...", "code": "store.readonly",
     "buttons": false, "t": ...}
    {"window": "display", "banner": false, "text": "...", "code": null, "office": "...", "ticker": "...",
     "t": ...}

(``cause``: the kiosk's banner tooltip, the cause for staff (its text is the citizen's sentence);
``buttons``: whether any service can be touched; ``services`` and ``details``: each button's service
code with its name and with the line under it (the queue, or why no ticket can be taken now), as shown;
``office``, ``ticker`` and ``call``: the display's office name, running text, and the number and service
of the call it shows; ``t`` is time.time()).
Commands come as lines appended to the file CMD: ``tap A`` clicks service A's button as a finger would
(a disabled button does nothing), then writes ``{"tapped": "A", "enabled": bool}`` and, once the kiosk
answered or 3 s passed, ``{"shown": "A001"}``, ``{"refused": "<the kiosk's message>"}`` or
``{"nothing": "A"}``; ``stop`` ends the process.

    python -m tests.gui.window_process URL OUT CMD
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    url, out_path, command_path = sys.argv[1:4]
    from PySide6.QtCore import QElapsedTimer, Qt, QTimer
    from PySide6.QtTest import QTest

    from antrian.gui.app import WindowProcess
    from antrian.gui.display.window import DisplayWindow
    from antrian.gui.kiosk.window import KioskWindow
    from antrian.store.database import open_database

    database = open_database(url)
    shared = WindowProcess(database)
    kiosk = KioskWindow(database, shared.background, print_slip=lambda slip: None)
    display = DisplayWindow(database, shared.background)
    for window in (kiosk, display):
        shared.attach(window)
        window.resize(1080, 1000)
        window.show()
    out = open(out_path, "a", buffering=1)  # noqa: SIM115 (open for the life of the process)

    def write(record: dict[str, Any]) -> None:
        out.write(json.dumps({**record, "t": time.time()}) + "\n")

    shown: dict[str, Any] = {}

    def look() -> None:
        for name, window in (("kiosk", kiosk), ("display", display)):
            state: dict[str, Any] = {
                "banner": window.offline.isVisible(),
                "text": window.offline.text() if window.offline.isVisible() else "",
                "code": window.problem.code if window.problem is not None else None,
            }
            if window is kiosk:
                state["cause"] = kiosk.offline.toolTip() if state["banner"] else ""
                buttons = list(kiosk.grid.buttons.values())
                state["buttons"] = any(button.isEnabled() for button in buttons) if buttons else None
                state["title"] = kiosk.title.text()
                state["services"] = {code: button.tile.name for code, button in kiosk.grid.buttons.items()}
                state["details"] = {code: button.detail.text() for code, button in kiosk.grid.buttons.items()}
            else:
                state["office"] = display.office.text()
                state["ticker"] = display.ticker.text()
                state["call"] = [display.call_number.text(), display.call_service.text()]
            if shown.get(name) != state:
                shown[name] = state
                write({"window": name, **state})

    issued: list[str] = []
    kiosk.ticketShown.connect(lambda result: issued.append(result.ticket.number))
    handled = 0
    tap: dict[str, Any] = {}

    def answer_tap() -> None:
        if not tap:
            return
        title = kiosk.title.text()
        if issued:
            write({"shown": issued.pop()})
        elif title != tap["title"]:
            write({"refused": title})
        elif tap["clock"].elapsed() > 3000:
            write({"nothing": tap["code"]})
        else:
            return
        tap.clear()

    def commands() -> None:
        nonlocal handled
        lines = Path(command_path).read_text().splitlines() if Path(command_path).exists() else []
        for line in lines[handled:]:
            handled += 1
            word, _, argument = line.partition(" ")
            if word == "stop":
                shared.app.quit()
            elif word == "tap":
                kiosk.go_home()
                button = kiosk.grid.buttons[argument]
                clock = QElapsedTimer()
                clock.start()
                tap.update(code=argument, title=kiosk.title.text(), clock=clock)
                write({"tapped": argument, "enabled": button.isEnabled()})
                QTest.mouseClick(button, Qt.MouseButton.LeftButton)

    timer = QTimer()
    timer.timeout.connect(look)
    timer.timeout.connect(answer_tap)
    timer.timeout.connect(commands)
    timer.start(20)
    write({"started": True})
    code = shared.run()
    out.close()
    database.dispose()
    return code


if __name__ == "__main__":
    sys.exit(main())
