"""events: an index on (kind, at), for the report's counter events of a period

A year of an office's events is millions of rows; the compliance report reads the counters' opened, paused
and closed events between two instants, which without it scans the whole log.

Revision ID: 0005_events_kind_at
Revises: 0004_standards
Create Date: 2026-12-02
"""

from alembic import op

revision = "0005_events_kind_at"
down_revision = "0004_standards"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_events_kind_at", "events", ["kind", "at"])


def downgrade() -> None:
    op.drop_index("ix_events_kind_at", table_name="events")
