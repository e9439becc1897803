"""GUI fixtures: windows on a real SQLite office, rendered offscreen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from antrian.store.database import Database, open_database
from tests.conftest import seed_office


@pytest.fixture
def office_db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(str(tmp_path / "gui.db"), create=True)
    seed_office(database)
    try:
        yield database
    finally:
        database.dispose()
