"""tickets: an expired ticket that was never called ends when its service day ended

``expire_past_days`` now records that end (``finished_at`` = the next office-local midnight), so a report of a
past day gives the same "longest not called" at every reading and the evidence PDF's hash is reproducible.
This revision writes the same end into the tickets expired before it, and drops the report's roll-ups so
they are built again from the tickets.

Revision ID: 0007_expired_end
Revises: 0006_report_days
Create Date: 2026-12-03
"""

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from alembic import op

revision = "0007_expired_end"
down_revision = "0006_report_days"
branch_labels = None
depends_on = None

_TICKETS = sa.table(
    "tickets",
    sa.column("id", sa.Integer),
    sa.column("status", sa.String),
    sa.column("service_day", sa.Date),
    sa.column("first_called_at", sa.DateTime),
    sa.column("finished_at", sa.DateTime),
)


def upgrade() -> None:
    bind = op.get_bind()
    zone_name = bind.execute(sa.text("SELECT timezone FROM office")).scalar() or "Asia/Jakarta"
    zone = ZoneInfo(zone_name)
    days = bind.execute(
        sa.select(_TICKETS.c.service_day)
        .where(
            _TICKETS.c.status == "expired",
            _TICKETS.c.first_called_at.is_(None),
            _TICKETS.c.finished_at.is_(None),
        )
        .distinct()
    ).scalars()
    for day in list(days):
        end = datetime.combine(day + timedelta(days=1), time(), zone).astimezone(UTC)
        # stored as the app's UTCDateTime writes it: naive UTC on SQLite, aware on PostgreSQL
        value = end.replace(tzinfo=None) if bind.dialect.name == "sqlite" else end
        bind.execute(
            sa.update(_TICKETS)
            .where(
                _TICKETS.c.service_day == day,
                _TICKETS.c.status == "expired",
                _TICKETS.c.first_called_at.is_(None),
                _TICKETS.c.finished_at.is_(None),
            )
            .values(finished_at=value)
        )
    op.execute("DELETE FROM report_days")
    op.execute("DELETE FROM report_day_states")


def downgrade() -> None:
    """The ends written cannot be told from ones recorded by expiry since; they stay (harmless to 0006)."""
