"""Per-machine settings: a small TOML file in the user config folder (which database, printer, screen).

Office-wide settings live in the database; these belong to one PC (a kiosk's printer is that kiosk's, and
the language its people read is that PC's).
Command-line options override the file, and ``ANTRIAN_DATABASE_URL`` / ``ANTRIAN_PRINTER`` override it too.
``ANTRIAN_CONFIG`` names another file. Example (``antrian config-path`` prints where it is read from)::

    database = "postgresql://antrian@192.168.1.10/antrian"
    language = "id"             # the interface language: id (Bahasa Indonesia, the default) or en

    [kiosk]
    printer = "usb:0416:5011"   # or tcp:192.168.1.50:9100, serial:/dev/ttyUSB0, file:/dev/usb/lp0, system
    paper_width = 58
    pin = "4321"                # leaves full screen
    zones = ["DUKCAPIL"]        # a Mal Pelayanan Publik's kiosk for some agencies only (default: all)

    [display]
    screen = 1
    counters = "1-10,12"        # a display for one zone: only these counters (default: all)
    zones = ["DUKCAPIL", "PAJAK"]  # only the counters of these zones (antrian zone list)

    [counter]
    number = 2                  # the loket this PC is; `antrian counter` opens it without asking
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from antrian.domain.errors import InvalidInput
from antrian.domain.messages import Message
from antrian.domain.roles import Actor, Permission
from antrian.domain.zone import parse_counters, zone_code
from antrian.words import LANGUAGES

ENV_CONFIG = "ANTRIAN_CONFIG"


@dataclass(frozen=True, slots=True)
class MachineConfig:
    database: str | None = None
    language: str | None = None
    kiosk_printer: str | None = None
    kiosk_paper_width: int = 80
    kiosk_pin: str | None = None
    display_screen: int | None = None
    display_counters: frozenset[int] | None = None
    kiosk_zones: tuple[str, ...] | None = None  # codes of the zones this kiosk issues for (None: all)
    display_zones: tuple[str, ...] | None = None  # codes of the zones this display shows (None: all)
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
        expected = Message("config.kind_text") if kind is str else Message("config.kind_number")
        raise InvalidInput("config.wrong_type", path=str(where), key=key, kind=expected, value=value)
    return value


def _zones(table: dict[str, Any], where: str, path: Path) -> tuple[str, ...] | None:
    """``zones = ["DUKCAPIL", "PAJAK"]``: zone codes (their existence is checked at the window's start)."""
    value = table.get("zones")
    if value is None:
        return None
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        raise InvalidInput("config.zones", path=str(path), key=f"{where}.zones", value=value)
    try:
        return tuple(dict.fromkeys(zone_code(v) for v in value))
    except InvalidInput as error:
        raise InvalidInput("config.zone_code", path=str(path), key=f"{where}.zones", problem=error) from None


def load_config(path: Path | None = None) -> MachineConfig:
    """Read the machine's file; a missing file is an empty configuration, a broken one a clear error."""
    path = path or config_path()
    if not path.exists():
        return MachineConfig()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise InvalidInput("config.not_toml", path=str(path), problem=str(error)) from None
    known = {"database", "language", "kiosk", "display", "counter"}
    unknown = set(data) - known
    if unknown:
        raise InvalidInput("config.unknown", path=str(path), names=sorted(unknown), known=sorted(known))
    kiosk = data.get("kiosk", {})
    display = data.get("display", {})
    counter = data.get("counter", {})
    if not all(isinstance(table, dict) for table in (kiosk, display, counter)):
        raise InvalidInput("config.not_tables", path=str(path))
    number = _typed(counter, "number", int, path)
    if number is not None and number < 1:
        raise InvalidInput("config.counter_number", path=str(path), number=number)
    width = _typed(kiosk, "paper_width", int, path) or 80
    if width not in (58, 80):
        raise InvalidInput("config.paper_width", path=str(path), width=width)
    zone = _typed(display, "counters", str, path)
    pin = kiosk.get("pin")
    language = _typed(data, "language", str, path)
    if language is not None and language.strip().lower() not in LANGUAGES:
        raise InvalidInput("config.language", path=str(path), language=language, choices=list(LANGUAGES))
    return MachineConfig(
        database=_typed(data, "database", str, path),
        language=language.strip().lower() if language else None,
        kiosk_printer=_typed(kiosk, "printer", str, path),
        kiosk_paper_width=width,
        kiosk_pin=str(pin) if pin is not None else None,
        display_screen=_typed(display, "screen", int, path),
        display_counters=parse_counters(zone, option=f"{path}: display.counters")
        if zone is not None
        else None,
        kiosk_zones=_zones(kiosk, "kiosk", path),
        display_zones=_zones(display, "display", path),
        counter_number=number,
        source=path,
    )


def save_kiosk_printer(
    actor: Actor, printer: str | None, paper_width: int, path: Path | None = None
) -> MachineConfig:
    """Set this PC's kiosk printer and paper width in its TOML file (an empty ``printer`` removes it: the
    kiosk then prints as if none were set), keeping every other key and comment as written.

    The target is checked the way the kiosk will use it (``printing.targets.printer_for``), so a bad one
    is refused naming it, before anything is written; a file that does not read as this PC's settings is
    refused and never overwritten. The new text goes to a temporary file in the same folder, then replaces
    the old one in one step (a power cut leaves the old file or the new one, never half of one).
    Only an admin (or the system) may change it; it is this PC's, so no event is logged in the database.
    """
    from antrian.printing.targets import printer_for

    actor.require(Permission.MANAGE)
    path = path or config_path()
    target = (printer or "").strip()
    if paper_width not in (58, 80):
        raise InvalidInput("config.paper_width", path=str(path), width=paper_width)
    if target:
        printer_for(target, paper_width)
    load_config(path)  # refuses a broken file before it is touched
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    new = _with_kiosk(old, {"printer": target or None, "paper_width": paper_width}, path)
    expected = tomllib.loads(old)
    kiosk = expected.setdefault("kiosk", {})
    kiosk.pop("printer", None)
    kiosk.update({"printer": target} if target else {})
    kiosk["paper_width"] = paper_width
    if tomllib.loads(new) != expected:  # the edit must change these two keys and nothing else
        raise InvalidInput("config.cannot_edit", path=str(path))
    _replace_file(path, new)
    return load_config(path)


_HEADER = re.compile(r"^\s*\[\s*([A-Za-z0-9_.\"' -]+?)\s*\]\s*(#.*)?$")
_ANY_HEADER = re.compile(r"^\s*\[")


def _with_kiosk(text: str, values: dict[str, str | int | None], path: Path) -> str:
    """``text`` with ``values`` set (None: removed) in its ``[kiosk]`` table, a line each, each line's
    comment kept; the table is added at the end when the file has none."""
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if _table_name(line) == "kiosk"), None)
    if start is None:
        if "kiosk" in tomllib.loads(text):  # written as dotted keys or an inline table: not ours to rewrite
            raise InvalidInput("config.cannot_edit", path=str(path))
        added = [f"{key} = {_toml_value(value)}" for key, value in values.items() if value is not None]
        gap = [""] if lines and lines[-1].strip() else []
        return "\n".join([*lines, *gap, "[kiosk]", *added]) + "\n"
    end = next((i for i in range(start + 1, len(lines)) if _ANY_HEADER.match(lines[i])), len(lines))
    body = lines[start + 1 : end]
    for key, value in values.items():
        found = next((i for i, line in enumerate(body) if _key_of(line) == key), None)
        if found is not None and value is None:
            del body[found]
        elif found is not None:
            body[found] = f"{key} = {_toml_value(value)}{_comment_of(body[found])}"
        elif value is not None:
            last = max((i for i, line in enumerate(body) if line.strip()), default=-1)
            body.insert(last + 1, f"{key} = {_toml_value(value)}")
    return "\n".join([*lines[: start + 1], *body, *lines[end:]]) + "\n"


def _table_name(line: str) -> str | None:
    match = _HEADER.match(line)
    return match.group(1).strip().strip("\"'") if match and not line.lstrip().startswith("[[") else None


def _key_of(line: str) -> str | None:
    key, equals, _ = line.partition("=")
    return key.strip().strip("\"'") if equals and not line.lstrip().startswith("#") else None


def _comment_of(line: str) -> str:
    """The comment ending ``line`` (with the spaces before it), or "": the first ``#`` after which the rest
    of the line no longer belongs to the value."""
    for at in (i for i, char in enumerate(line) if char == "#"):
        try:
            tomllib.loads(line[:at])
        except tomllib.TOMLDecodeError:
            continue
        value_end = len(line[:at].rstrip())
        return line[value_end:]
    return ""


def _toml_value(value: str | int | None) -> str:
    # a JSON string is a TOML basic string (the same escapes)
    return json.dumps(value, ensure_ascii=False) if isinstance(value, str) else str(value)


def _replace_file(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        mode = path.stat().st_mode & 0o777 if path.exists() else None
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
                out.write(text)
                out.flush()
                os.fsync(out.fileno())
            if mode is not None:
                os.chmod(name, mode)
            os.replace(name, path)
        except BaseException:
            Path(name).unlink(missing_ok=True)
            raise
    except OSError as error:
        raise InvalidInput(
            "config.write_failed", path=str(path), reason=error.strerror or str(error)
        ) from None
