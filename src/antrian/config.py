"""Per-machine settings: a small TOML file in the user config folder (which database, printer, screen).

Office-wide settings live in the database; these belong to one PC (a kiosk's printer is that kiosk's).
Command-line options override the file, and ``ANTRIAN_DATABASE_URL`` / ``ANTRIAN_PRINTER`` override it too.
``ANTRIAN_CONFIG`` names another file. Example (``antrian config-path`` prints where it is read from)::

    database = "postgresql://antrian@192.168.1.10/antrian"

    [kiosk]
    printer = "usb:0416:5011"   # or tcp:192.168.1.50:9100, serial:/dev/ttyUSB0, file:/dev/usb/lp0, system
    paper_width = 58
    pin = "4321"                # leaves full screen

    [display]
    screen = 1

    [counter]
    number = 2                  # the loket this PC is; `antrian counter` opens it without asking
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from antrian.domain.errors import InvalidInput

ENV_CONFIG = "ANTRIAN_CONFIG"


@dataclass(frozen=True, slots=True)
class MachineConfig:
    database: str | None = None
    kiosk_printer: str | None = None
    kiosk_paper_width: int = 80
    kiosk_pin: str | None = None
    display_screen: int | None = None
    counter_number: int | None = None
    source: Path | None = None


def config_path() -> Path:
    if os.environ.get(ENV_CONFIG):
        return Path(os.environ[ENV_CONFIG])
    from platformdirs import user_config_dir

    return Path(user_config_dir("antrian", appauthor=False)) / "antrian.toml"


def _typed(data: dict[str, Any], key: str, kind: type, where: Path) -> Any:
    value = data.get(key)
    if value is not None and not isinstance(value, kind):
        raise InvalidInput(f"{where}: {key} must be {kind.__name__}, not {value!r}")
    return value


def load_config(path: Path | None = None) -> MachineConfig:
    """Read the machine's file; a missing file is an empty configuration, a broken one a clear error."""
    path = path or config_path()
    if not path.exists():
        return MachineConfig()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise InvalidInput(f"{path} is not valid TOML: {error}") from None
    known = {"database", "kiosk", "display", "counter"}
    unknown = set(data) - known
    if unknown:
        raise InvalidInput(
            f"{path}: unknown setting(s) {', '.join(sorted(unknown))}; known: {', '.join(sorted(known))}"
        )
    kiosk = data.get("kiosk", {})
    display = data.get("display", {})
    counter = data.get("counter", {})
    if not all(isinstance(table, dict) for table in (kiosk, display, counter)):
        raise InvalidInput(f"{path}: [kiosk], [display] and [counter] must be tables")
    number = _typed(counter, "number", int, path)
    if number is not None and number < 1:
        raise InvalidInput(f"{path}: counter.number must be 1 or more, not {number}")
    width = _typed(kiosk, "paper_width", int, path) or 80
    if width not in (58, 80):
        raise InvalidInput(f"{path}: kiosk.paper_width must be 58 or 80, not {width}")
    pin = kiosk.get("pin")
    return MachineConfig(
        database=_typed(data, "database", str, path),
        kiosk_printer=_typed(kiosk, "printer", str, path),
        kiosk_paper_width=width,
        kiosk_pin=str(pin) if pin is not None else None,
        display_screen=_typed(display, "screen", int, path),
        counter_number=number,
        source=path,
    )
