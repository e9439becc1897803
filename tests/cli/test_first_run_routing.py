"""Starting a window on an office not set up yet opens the set-up wizard first, then the window asked for;
only with no database named and none at the default place does the set-up create one (``antrian setup``
too); a database named but missing is refused as before; once an admin exists the wizard never opens and
``antrian setup`` is refused.

The wizard itself is driven in tests/gui/test_wizard.py; here ``run_setup`` writes the same plan through
``services.first_run`` with the database opener the command gave it, and the windows only record that
they were opened.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from antrian import words
from antrian.cli import main
from antrian.services.first_run import CounterPlan, ServicePlan, SetupPlan, complete_setup
from antrian.services.office import get_office
from antrian.store.database import Database, open_database
from antrian.store.models import User
from antrian.store.schema import HEAD_REVISION, current_revision
from tests.conftest import seed_admin, seed_office

PLAN = SetupPlan(
    office_name="Kantor Baru",
    address="",
    timezone="Asia/Jayapura",
    services=(ServicePlan("A", "KTP Elektronik", 15),),
    counters=(CounterPlan(1, "", ("A",)),),
    admin_password="Kucing7hitam",
)


@pytest.fixture
def seen(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict[str, Any]:
    """What happened: the wizard's ``then`` and the window opened with its database's location."""
    import antrian.gui.app as app

    happened: dict[str, Any] = {"wizard": [], "window": [], "finish": True}

    def run_setup(open_database: Any, *, then: str | None = None) -> tuple[Database, Any] | None:
        happened["wizard"].append(then)
        if not happened["finish"]:  # closed before its summary: nothing opened, nothing created
            return None
        db = open_database()
        with db.write() as session:
            done = complete_setup(session, PLAN)
        return db, done

    def window(name: str) -> Any:
        def run(db: Database, **_options: object) -> int:
            with db.read() as session:
                happened["window"].append((name, db.location, get_office(session).name))
            return 0

        return run

    for name in ("kiosk", "display", "counter", "supervisor", "admin"):
        monkeypatch.setattr(app, f"run_{name}", window(name))
    monkeypatch.setattr(app, "run_setup", run_setup)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("ANTRIAN_CONFIG", str(tmp_path / "none.toml"))
    monkeypatch.delenv("ANTRIAN_DATABASE_URL", raising=False)
    return happened


def default_file(tmp_path: Path) -> Path:
    return tmp_path / "data" / "antrian" / "antrian.db"


@pytest.mark.parametrize(
    ("argv", "then"),
    [
        (["kiosk", "--windowed"], "kiosk"),
        (["display", "--windowed"], "display"),
        (["counter", "2"], "counter 2"),
        (["supervisor", "--windowed"], "supervisor"),
    ],
)
def test_the_first_window_on_a_new_pc_sets_up_the_default_database(
    seen: dict[str, Any], tmp_path: Path, argv: list[str], then: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 0
    path = default_file(tmp_path)
    assert seen["wizard"] == [then]
    assert seen["window"] == [(then.split()[0], str(path), "Kantor Baru")]
    db = open_database(str(path))
    try:
        with db.read() as session:
            assert current_revision(session.connection()) == HEAD_REVISION
            assert session.execute(select(User.username)).scalars().all() == ["admin"]
    finally:
        db.dispose()
    assert "Kantor Baru" in capsys.readouterr().out


def test_a_wizard_closed_early_opens_no_window_and_creates_nothing(
    seen: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seen["finish"] = False
    assert main(["kiosk"]) == 3
    assert seen["window"] == []
    assert not (tmp_path / "data").exists(), "a database was made for a set-up never confirmed"
    assert words.text("setup.cancelled", command="antrian setup") in capsys.readouterr().err
    assert main(["setup"]) == 3
    assert not (tmp_path / "data").exists()


def test_a_database_named_but_missing_is_refused_without_a_wizard(
    seen: dict[str, Any], tmp_path: Path
) -> None:
    typo = tmp_path / "antrain.db"
    assert main(["--db", str(typo), "display"]) == 2
    assert seen["wizard"] == [] and not typo.exists()


@pytest.mark.parametrize("window", ["display", "admin"])
def test_an_office_without_an_admin_gets_the_wizard_then_its_window(
    seen: dict[str, Any], tmp_path: Path, window: str
) -> None:
    path = str(tmp_path / "office.db")
    open_database(path, create=True).dispose()  # as `antrian db upgrade` leaves it: no office, no users
    assert main(["--db", path, window]) == 0
    assert seen["wizard"] == [window]
    assert seen["window"] == [(window, path, "Kantor Baru")]
    assert main(["--db", path, window]) == 0
    assert seen["wizard"] == [window], "the wizard opened again once the office had an admin"


def test_an_office_with_an_admin_opens_its_window_and_refuses_setup(
    seen: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(tmp_path / "office.db")
    db = open_database(path, create=True)
    seed_office(db)
    seed_admin(db)
    db.dispose()
    assert main(["--db", path, "kiosk"]) == 0
    assert seen["wizard"] == [] and seen["window"] == [("kiosk", path, "Kantor Uji")]
    capsys.readouterr()
    assert main(["--db", path, "setup"]) == 2
    assert words.text("setup.done", command="antrian admin") in capsys.readouterr().err
    assert seen["wizard"] == []


def test_setup_creates_a_database_it_is_given(seen: dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    assert main(["--db", str(path), "setup"]) == 0
    assert seen["wizard"] == [None] and seen["window"] == []
    db = open_database(str(path))
    try:
        with db.read() as session:
            assert get_office(session).timezone == "Asia/Jayapura"
    finally:
        db.dispose()
