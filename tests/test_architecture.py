"""The layering of ARCHITECTURE.md is enforced, not hoped for."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_import_linter_contracts_hold() -> None:
    result = subprocess.run(
        [sys.executable, "-c", "from importlinter.cli import lint_imports; raise SystemExit(lint_imports())"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 6 kept, 0 broken." in result.stdout


def test_every_command_module_but_the_windows_is_kept_from_the_gui() -> None:
    """A module added to the command line is covered by the contract unless it opens windows."""
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"]
    (kept,) = [c["source_modules"] for c in contracts if c["name"] == "only the window commands open windows"]
    modules = {f"antrian.cli.{path.stem}" for path in (ROOT / "src" / "antrian" / "cli").glob("*.py")}
    assert set(kept) == modules - {"antrian.cli.__init__", "antrian.cli.windows", "antrian.cli.first_run"}


def test_cli_queue_commands_never_load_qt(tmp_path: Path) -> None:
    """Issuing from the command line must stay a cheap, Qt-free start."""
    code = (
        "import sys; from antrian.cli import main; "
        f"rc = main(['--db', {str(tmp_path / 'a.db')!r}, 'demo-data', '--history-days', '0']); "
        f"rc2 = main(['--db', {str(tmp_path / 'a.db')!r}, 'ticket', 'issue', 'A', '--json']); "
        "loaded = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'alembic')));"
        "print(rc, rc2, loaded)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    last = result.stdout.strip().splitlines()[-1]
    # alembic is loaded only to create the schema the first time, never for PySide6
    assert last.startswith("0 0 ")
    assert "PySide6" not in last and "shiboken6" not in last


def test_no_source_file_reaches_out_of_the_package() -> None:
    """What the program reads is package data (``antrian.assets``, ``importlib.resources``): an installed
    copy has no checkout around it to climb into (tests/end2end/test_install.py runs one)."""
    climbing = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in sorted((ROOT / "src").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "__file__" in line and any(step in line for step in ("parents[", ".parent.parent", '".."'))
    ]
    assert climbing == []
