"""Keep the windows' translations in step with the code, and compile them.

    python scripts/translations.py update     # lupdate: new window texts into gui/translations/*_id.ts
    python scripts/translations.py compile    # lrelease: .ts -> .qm (shipped in the package)
    python scripts/translations.py fill FILE  # FILE.json: {"Context": {"English text": "Indonesian"}}
    python scripts/translations.py check      # exit 1 if a .ts is out of step with the code, has
                                              # unfinished entries, or a .qm is out of date

Each window has its own catalogue (``GROUPS``), so work on one window never touches another's. Texts are
English in the code; the .ts files hold Bahasa Indonesia. Translate with Qt Linguist (``pyside6-linguist``)
or in the XML; an entry left "unfinished" fails the check.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GUI = ROOT / "src" / "antrian" / "gui"
UI = ROOT / "ui"  # the Designer forms: lupdate reads their texts from the .ui files themselves
OUT = GUI / "translations"
LANGUAGES = ("id",)

# catalogue name -> the sources whose texts it holds
GROUPS: dict[str, list[Path]] = {
    "common": [
        *(GUI / name for name in ("i18n.py", "errors.py", "app.py", "login.py", "password.py")),
        *sorted(UI.glob("*.ui")),
    ],
    "kiosk": sorted((GUI / "kiosk").glob("*.py")),
    "display": sorted((GUI / "display").glob("*.py")),
    "counter": sorted((GUI / "counter").glob("*.py")) + sorted((UI / "counter").glob("*.ui")),
    "supervisor": sorted((GUI / "supervisor").glob("*.py")) + sorted((UI / "supervisor").glob("*.ui")),
    "admin_settings": sorted((GUI / "admin" / "settings").glob("*.py"))
    + sorted((UI / "admin" / "settings").glob("*.ui")),
    "wizard": sorted((GUI / "wizard").glob("*.py")),
    "admin_users": sorted((GUI / "admin" / "users").glob("*.py"))
    + sorted((UI / "admin" / "users").glob("*.ui")),
    "admin": sorted((GUI / "admin").glob("*.py")) + sorted((UI / "admin").glob("*.ui")),
    "admin_zones": sorted((GUI / "admin" / "zones").glob("*.py"))
    + sorted((UI / "admin" / "zones").glob("*.ui")),
    "survey": sorted((GUI / "survey").glob("*.py")),
}


def _tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent)) or shutil.which(
        f"pyside6-{name}"
    )
    if not found:
        raise SystemExit(f"pyside6-{name} not found (it comes with PySide6)")
    return found


def _lupdate(sources: list[Path], ts: Path) -> None:
    subprocess.run(
        [_tool("lupdate"), "-no-obsolete", "-locations", "none", *map(str, sources), "-ts", str(ts)],
        check=True,
        capture_output=True,
    )


def _lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True, capture_output=True)


def _entries(ts: Path) -> dict[tuple[str, str], ET.Element]:
    tree = ET.parse(ts)
    found = {}
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found[(name, message.findtext("source") or "")] = translation
    return found


def problems() -> list[str]:
    """Everything that makes the translations out of step; empty when all is well."""
    found: list[str] = []
    for group, sources in GROUPS.items():
        for lang in LANGUAGES:
            ts = OUT / f"{group}_{lang}.ts"
            if not ts.exists():
                found.append(f"{ts.name} is missing: run scripts/translations.py update")
                continue
            with tempfile.TemporaryDirectory() as tmp:
                fresh = Path(tmp) / ts.name
                shutil.copy(ts, fresh)
                _lupdate(sources, fresh)
                before, after = set(_entries(ts)), set(_entries(fresh))
                for context, source in sorted(after - before):
                    found.append(f"{ts.name}: new text in the code, not translated: [{context}] {source!r}")
                for context, source in sorted(before - after):
                    found.append(f"{ts.name}: text no longer in the code: [{context}] {source!r}")
                for (context, source), translation in sorted(_entries(ts).items()):
                    empty = not (translation.text or "").strip() and not list(translation)
                    if translation.get("type") == "unfinished" or empty:
                        found.append(f"{ts.name}: untranslated: [{context}] {source!r}")
                qm = OUT / f"{group}_{lang}.qm"
                compiled = Path(tmp) / qm.name
                _lrelease(ts, compiled)
                if not qm.exists() or qm.read_bytes() != compiled.read_bytes():
                    found.append(f"{qm.name} is out of date: run scripts/translations.py compile")
    return found


def fill(mapping: dict[str, dict[str, str]], lang: str = "id") -> int:
    """Write translations into the catalogues holding those (context, source) entries; returns how many."""
    done = 0
    for group in GROUPS:
        ts = OUT / f"{group}_{lang}.ts"
        tree = ET.parse(ts)
        changed = False
        for context in tree.getroot().iter("context"):
            texts = mapping.get(context.findtext("name") or "", {})
            for message in context.iter("message"):
                wanted = texts.get(message.findtext("source") or "")
                translation = message.find("translation")
                if wanted is None or translation is None:
                    continue
                translation.text = wanted
                translation.attrib.pop("type", None)
                changed, done = True, done + 1
        if changed:
            with ts.open("wb") as out:
                out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
                tree.write(out, encoding="utf-8", xml_declaration=False)
            _lupdate(GROUPS[group], ts)  # back to lupdate's own layout
    return done


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "fill":
        import json

        print(f"{fill(json.loads(Path(argv[1]).read_text(encoding='utf-8')))} entries translated")
        command = "compile"
    if command == "update":
        for group, sources in GROUPS.items():
            for lang in LANGUAGES:
                _lupdate(sources, OUT / f"{group}_{lang}.ts")
        command = "compile"
    if command == "compile":
        for group in GROUPS:
            for lang in LANGUAGES:
                _lrelease(OUT / f"{group}_{lang}.ts", OUT / f"{group}_{lang}.qm")
        return 0
    if command == "check":
        found = problems()
        print("\n".join(found) or "translations are in step with the code")
        return 1 if found else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
