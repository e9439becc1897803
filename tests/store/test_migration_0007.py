"""Migration 0007 on a database in use at 0006: tickets expired before it that were never called get the end
of their service day as ``finished_at`` (the next office-local midnight, in the office's zone); called or
served tickets keep theirs; the report's roll-ups are dropped to be built again. On SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime

from alembic import command
from sqlalchemy import select, text

from antrian.store.database import open_database
from antrian.store.engines import make_engine
from antrian.store.models import Ticket
from antrian.store.schema import HEAD_REVISION, alembic_config, current_revision
from antrian.store.urls import resolve_url

ISSUED = datetime(2026, 11, 30, 1, 0, tzinfo=UTC)  # 09:00 WITA on Monday 30 November
DONE = datetime(2026, 11, 30, 2, 0, tzinfo=UTC)


def test_upgrading_from_0006_ends_the_expired_never_called_tickets_at_their_days_end(db_url: str) -> None:
    engine = make_engine(resolve_url(db_url), create=True)
    sqlite = engine.dialect.name == "sqlite"

    def instant(value: datetime) -> object:
        return value.replace(tzinfo=None) if sqlite else value

    try:
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), "0006_report_days")
            connection.execute(
                text(
                    "INSERT INTO office (id, name, address, timezone, label_width, priority_interleave, "
                    "recall_limit, running_text) VALUES (1, 'Kantor', '', 'Asia/Makassar', 3, 0, 3, '')"
                )
            )
            connection.execute(
                text(
                    "INSERT INTO services (id, code, name, open_days, active, display_order) "
                    "VALUES (1, 'A', 'Layanan', '12345', true, 0)"
                )
            )
            rows = (
                (1, "A001", "expired", None, None),  # never called: ends at the day's end
                (2, "A002", "expired", ISSUED, None),  # called, left at the counter: no end made up
                (3, "A003", "done", ISSUED, DONE),
                (4, "A004", "waiting", None, None),  # not expired (yet): untouched
            )
            for tid, label, status, called, finished in rows:
                connection.execute(
                    text(
                        "INSERT INTO tickets (id, service_id, service_day, sequence, label, status, "
                        "place_at, issued_at, first_called_at, finished_at, call_count) "
                        "VALUES (:id, 1, :day, :id, :label, :status, :at, :at, :called, :finished, 0)"
                    ),
                    {
                        "id": tid,
                        "day": date(2026, 11, 30),
                        "label": label,
                        "status": status,
                        "at": instant(ISSUED),
                        "called": None if called is None else instant(called),
                        "finished": None if finished is None else instant(finished),
                    },
                )
            connection.execute(
                text("INSERT INTO report_day_states (service_day, tickets, data) VALUES (:day, 4, '{}')"),
                {"day": date(2026, 11, 30)},
            )
    finally:
        engine.dispose()

    database = open_database(db_url, create=True)  # what ``antrian db upgrade`` does
    try:
        with database.engine.connect() as connection:
            assert current_revision(connection) == HEAD_REVISION
            assert connection.execute(text("SELECT count(*) FROM report_day_states")).scalar() == 0
        with database.read() as s:
            ends = dict(
                s.execute(select(Ticket.label, Ticket.finished_at).order_by(Ticket.id)).tuples().all()
            )
        # Monday 30 November ends at Tuesday 00:00 WITA = Monday 16:00 UTC
        assert ends == {
            "A001": datetime(2026, 11, 30, 16, 0, tzinfo=UTC),
            "A002": None,
            "A003": DONE,
            "A004": None,
        }
    finally:
        database.dispose()
