"""Shared fixtures: a real database per test, on SQLite and on PostgreSQL.

PostgreSQL is the server at 127.0.0.1:5432 (user postgres, database test; override with
ANTRIAN_TEST_PG_URL). Each test gets its own schema there. In CI (CI=true) an unreachable server fails the
run; elsewhere the PostgreSQL variants skip and say why.
"""

from __future__ import annotations

import gc
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

# GUI tests never need a screen; set before anything can import Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from antrian.domain.roles import SYSTEM, Actor, Role
from antrian.domain.timing import FixedClock
from antrian.store.database import Database, open_database
from tests.databases import PG_BASE, PgPool, PgSchema, SqliteTemplate

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
# Monday 2026-11-30, 09:00 in Jakarta (02:00 UTC): a normal working morning.
MONDAY_9AM = datetime(2026, 11, 30, 2, 0, tzinfo=UTC)

_pg_problem: str | None = None
_pg_checked = False


def postgres_problem() -> str | None:
    """None when the test PostgreSQL answers, else why not (checked once)."""
    global _pg_checked, _pg_problem
    if not _pg_checked:
        _pg_checked = True
        import psycopg

        try:
            conninfo = PG_BASE.replace("postgresql+psycopg://", "postgresql://")
            with psycopg.connect(conninfo, connect_timeout=3):
                pass
        except Exception as error:  # any failure means "not usable here"
            _pg_problem = f"PostgreSQL not reachable at {PG_BASE}: {str(error).strip().splitlines()[0]}"
    return _pg_problem


def require_postgres() -> None:
    problem = postgres_problem()
    if problem is None:
        return
    if IN_CI:
        pytest.fail(f"{problem} (required in CI)")
    pytest.skip(problem)


@pytest.fixture
def pg_url() -> Iterator[str]:
    """The URL of a new, empty schema on the test PostgreSQL (required in CI)."""
    require_postgres()
    schema = PgSchema()
    try:
        yield schema.url
    finally:
        schema.drop()


def pytest_configure(config: pytest.Config) -> None:
    """Antrian's bytecode, compiled once before the tests: the suite starts some hundreds of Python processes
    (the command, the windows, writers), and where ``PYTHONDONTWRITEBYTECODE`` is set none of them would
    write it, so each would compile Antrian's modules from source again (about 0.1 s of CPU per start).
    Up-to-date files are left as they are. The audio server is started here too (see ``audio_sink``). A
    pytest-xdist worker leaves both to the main process."""
    if hasattr(config, "workerinput"):
        return
    import compileall

    import antrian

    compileall.compile_dir(Path(antrian.__file__).parent, quiet=1, workers=1)
    _start_audio_server()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The slow tests (processes, end to end, a year of history) first, each group in its usual order: with
    ``-n auto --dist worksteal`` one worker starts on them while the other takes the quick ones and then
    steals, instead of both finishing their share and one waiting for a long test that came last."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


def pytest_collection_finish(session: pytest.Session) -> None:
    """What collection imported (pytest, Qt, SQLAlchemy, Antrian, every test module: some hundreds of
    thousands of objects that live as long as the process) is moved out of the collector's sight, so a full
    collection, which every window test's teardown makes, looks only at what the tests made (53 -> 14 ms
    a window test here)."""
    gc.collect()
    gc.freeze()


@pytest.fixture(autouse=True, scope="session")
def log_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Every process the tests start logs here (``ANTRIAN_LOG_DIR``), never to the user's own log folder."""
    folder = tmp_path_factory.mktemp("logs")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ANTRIAN_LOG_DIR", str(folder))
        yield folder


@pytest.fixture(autouse=True, scope="session")
def cheap_password_hasher() -> Iterator[None]:
    """Hash passwords at argon2's lowest cost (1 pass over 8 KiB) in this process: the office's cost (3 passes
    over 64 MiB) is for attackers, and would make every test that creates a user wait for it. The tests of
    hashing itself ask for ``production_hasher``; programs the tests start hash as offices do."""
    from argon2 import PasswordHasher

    from antrian.services import passwords

    cheap = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(passwords, "_hasher", lambda: cheap)
        yield


@pytest.fixture
def production_hasher(monkeypatch: pytest.MonkeyPatch) -> None:
    """The office's own hashing cost, for the tests of hashing itself."""
    from antrian.services import passwords

    monkeypatch.setattr(passwords, "_hasher", passwords.production_hasher)


@pytest.fixture(autouse=True)
def _qt_garbage_on_the_gui_thread(request: pytest.FixtureRequest) -> Iterator[None]:
    """In a test with Qt, cyclic garbage is collected on this (the GUI) thread only, as ``gui.garbage`` does
    in a window process: a worker thread freeing a Qt object while the GUI thread frees another deadlocks."""
    if "qapp" not in request.fixturenames and "qtbot" not in request.fixturenames:
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.collect()
        gc.enable()


@pytest.fixture(autouse=True)
def _close_logs() -> Iterator[None]:
    """A test that ran ``antrian.cli.main`` or opened windows in this process leaves no log handler behind."""
    yield
    from antrian import logs

    logs.close()


@pytest.fixture(scope="session")
def _pg_pool() -> Iterator[PgPool]:
    pool = PgPool()
    yield pool
    pool.close()


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> SqliteTemplate:
    return SqliteTemplate(tmp_path_factory.mktemp("template"))


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """The URL of a new, empty database on each backend; for a test that asks for ``db`` too, a new one
    already at head, holding the small office too for a test of ``office`` (``tests.databases``: a copy of
    a template file, a pooled schema set to a template's rows)."""
    at_head = "db" in request.fixturenames
    seed = seed_office if "_seeded_office" in request.fixturenames else None
    if request.param == "sqlite":
        path = tmp_path / "antrian.db"
        if at_head:
            request.getfixturevalue("_sqlite_template").copy_to(path, seed)
        yield str(path)
    elif not at_head:
        yield request.getfixturevalue("pg_url")
    else:
        require_postgres()
        pool: PgPool = request.getfixturevalue("_pg_pool")
        schema = pool.take(seed)
        try:
            yield schema.url
        finally:
            pool.give_back(schema)


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = open_database(db_url, create=True)
    try:
        yield database
    finally:
        database.dispose()


@pytest.fixture(autouse=True)
def _default_language() -> Iterator[None]:
    """Every test starts in the default language: a command run with --lang en, or a test that chose English,
    must not change the words of the tests after it."""
    from antrian import words

    words.set_language(words.DEFAULT_LANGUAGE)
    yield
    words.set_language(words.DEFAULT_LANGUAGE)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(MONDAY_9AM)


@pytest.fixture
def _seeded_office() -> None:
    """Asked for by ``office``: tells ``db_url`` to hand out a copy of a database that holds the office."""


@pytest.fixture
def office(db: Database, _seeded_office: None) -> Database:
    """A small office: services A, B, C (always open); counters 1 and 2 serve A and B, counter 3 serves C
    (``seed_office``, written once per test process into a template that each test gets a copy of)."""
    return db


def seed_office(db: Database) -> None:
    from antrian.services.office import update_office
    from antrian.services.setup import save_counter, save_service

    # the services' standards are in force from Monday 2026-11-30, whatever day the tests run on
    set_up = FixedClock(MONDAY_9AM)
    with db.write() as session:
        update_office(session, SYSTEM, name="Kantor Uji", timezone="Asia/Jakarta", priority_interleave=2)
        for code, name, value, unit in (
            ("A", "KTP Elektronik", 15, "minutes"),
            ("B", "Kartu Keluarga", 20, "minutes"),
            ("C", "Akta Kelahiran", 1, "hours"),
        ):
            save_service(
                session,
                code,
                name,
                actor=SYSTEM,
                standard_time=value,
                standard_unit=unit,
                open_days="1234567",
                clock=set_up,
            )
        save_counter(session, 1, "Loket 1", ["A", "B"], actor=SYSTEM)
        save_counter(session, 2, "Loket 2", ["A", "B"], actor=SYSTEM)
        save_counter(session, 3, "Loket 3", ["C"], actor=SYSTEM)


def seed_admin(db: Database) -> None:
    """An admin user, so that the windows open on ``db`` rather than the first-run set-up wizard."""
    from antrian.services.users import create_user

    with db.write() as session:
        create_user(session, "admin", "Admin Uji", "admin", "Kucing7hitam", actor=SYSTEM)


@pytest.fixture
def operator(office: Database) -> Actor:
    from antrian.services.users import create_user

    with office.write() as session:
        user_id = create_user(session, "petugas1", "Petugas Satu", "operator", "rahasia123", actor=SYSTEM)
    return Actor(Role.OPERATOR, user_id, "petugas1")


# A real audio output for voice tests: a PulseAudio server with a null sink. Machines without a sound card
# (CI) still play the chime and the calls into it, through the same QtMultimedia and PulseAudio path as an
# office PC. Started before any test runs if none answers; required in CI.
#
# Before, not on a test's first request: QtMultimedia looks for the audio server once per process, the first
# time any widget of it is made, and keeps the answer. A window test that makes a display (or the supervisor's
# sound) before the server was up left its worker without audio for every later voice test.
def _pulse_answers() -> bool:
    return (
        shutil.which("pactl") is not None
        and subprocess.run(["pactl", "info"], capture_output=True, timeout=10).returncode == 0
    )


def _start_audio_server() -> None:
    """Start the null-sink PulseAudio server unless one answers, and wait (with a deadline) until it does."""
    if _pulse_answers() or not shutil.which("pulseaudio"):
        return
    subprocess.run(
        [
            "pulseaudio",
            "--daemonize=yes",
            "--exit-idle-time=-1",
            "--disallow-exit",
            "-n",
            "--load=module-null-sink sink_name=antrian_null",
            "--load=module-native-protocol-unix auth-anonymous=1",
        ],
        capture_output=True,
        timeout=30,
    )
    deadline = time.monotonic() + 15
    while not _pulse_answers() and time.monotonic() < deadline:
        time.sleep(0.2)  # polling the server, with a deadline


@pytest.fixture(scope="session")
def audio_sink() -> str:
    _start_audio_server()  # already up when the main process started it; here for a run without it
    if not _pulse_answers():
        reason = "no PulseAudio server answers and none could be started (apt-get install pulseaudio)"
        if IN_CI:
            pytest.fail(reason)
        pytest.skip(reason)
    sinks = subprocess.run(["pactl", "list", "short", "sinks"], capture_output=True, text=True, timeout=10)
    return sinks.stdout.split("\t")[1] if sinks.stdout else ""
