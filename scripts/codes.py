"""Write docs/CODES.md: every message code with its words in both languages, from the catalogues.

    .venv/bin/python scripts/codes.py           # rewrite docs/CODES.md
    .venv/bin/python scripts/codes.py --check   # exit 1 if docs/CODES.md is not what the catalogues say

Support staff look a code up here when a log line or a screenshot shows it (``[store.locked]``).
"""

from __future__ import annotations

import sys
from pathlib import Path

from antrian import words

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "docs" / "CODES.md"


def _cell(entry: object) -> str:
    if isinstance(entry, dict):
        entry = " / ".join(str(entry[form]) for form in ("one", "other") if form in entry)
    if isinstance(entry, list):
        entry = ", ".join(map(str, entry))
    return str(entry).replace("|", "\\|").replace("\n", " ")


def render() -> str:
    indonesian, english = words.catalogue("id"), words.catalogue("en")
    lines = [
        "# Message codes",
        "",
        "Every error and message a person reads, by its code: the words in Bahasa Indonesia and in",
        "English, with their parameters in braces. Made by `scripts/codes.py` from `src/antrian/words/`",
        "(do not edit by hand; a test fails when this page and the catalogues differ). Log lines name the",
        "code in brackets.",
        "",
        "| code | Bahasa Indonesia | English |",
        "| --- | --- | --- |",
    ]
    for code in sorted(indonesian):
        if code.startswith(("enum.", "calendar.", "argparse.", "help.")):
            continue  # words for values, Python's own refusals and the help of the command, not messages
        lines.append(f"| `{code}` | {_cell(indonesian[code])} | {_cell(english[code])} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print("docs/CODES.md is out of date: run scripts/codes.py")
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    print(f"{TARGET} written")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
