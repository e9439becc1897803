"""The audit as CSV (the admin window's Export and ``antrian audit --csv``) and as lines of text."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

from antrian import words
from antrian.domain.roles import Permission, Role
from antrian.reports.exports import BOM, write_atomically
from antrian.services.audit import AuditEntry

COLUMNS = ("at", "username", "role", "pc", "action", "target", "old", "new", "detail")


def action_words(action: str) -> str:
    return words.text(f"audit.action.{action}")


def target_words(action: str, target: str, detail: dict[str, Any]) -> str:
    """What the row is about, in words: for a refused attempt, the refusal's own sentence (its code and
    parameters are what the audit keeps); otherwise the target as recorded."""
    if action != "refused":
        return target
    params: dict[str, Any] = dict(detail)
    for key, kind in (("role", Role), ("permission", Permission)):
        if isinstance(params.get(key), str) and params[key] in {member.value for member in kind}:
            params[key] = kind(params[key])
    try:
        return words.text(target, **params)
    except (KeyError, ValueError, IndexError):  # a code from an older version, or its parameters changed
        return target


def column_words(column: str) -> str:
    return words.text(f"audit.column.{column}")


def role_words(role: str) -> str:
    """A role's words; a role this version does not know stays as recorded."""
    try:
        return words.show(Role(role))
    except ValueError:
        return role


def value_text(value: Any) -> str:
    """An old or new value as one line: JSON, as the database keeps it ("" for none)."""
    if value is None or value == {}:
        return ""
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def audit_table(rows: Iterable[AuditEntry]) -> tuple[list[str], list[list[str]]]:
    """Column names in the current language, and one row of text per entry (instants in UTC, ISO 8601)."""
    header = [column_words(column) for column in COLUMNS]
    body = [
        [
            row.at.isoformat(),
            row.username,
            role_words(row.role),
            row.pc,
            action_words(row.action),
            row.target,
            value_text(row.old),
            value_text(row.new),
            value_text(row.detail),
        ]
        for row in rows
    ]
    return header, body


def audit_csv(rows: Iterable[AuditEntry], file: TextIO) -> int:
    """Write the audit to ``file`` (opened with ``newline=""``): a byte order mark (for Excel), the header,
    a row per entry. Returns the rows."""
    header, body = audit_table(rows)
    file.write(BOM)
    writer = csv.writer(file)
    writer.writerow(header)
    writer.writerows(body)
    return len(body)


def write_audit_csv(rows: Iterable[AuditEntry], path: Path) -> None:
    """Write the audit to ``path`` whole or not at all (InvalidInput ``report.unwritable`` when it cannot)."""
    write_atomically(path, lambda file: audit_csv(rows, file))


def audit_line(row: AuditEntry) -> str:
    """One entry as the CLI prints it."""
    change = " → ".join(text for text in (value_text(row.old), value_text(row.new)) if text)
    return words.text(
        "audit.line",
        at=row.at.strftime("%Y-%m-%d %H:%M:%S"),
        username=row.username,
        role=role_words(row.role) or "-",
        pc=row.pc,
        action=action_words(row.action),
        target=row.target or "-",
        change=change or "-",
    )
