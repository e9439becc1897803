"""tickets: an index on (issued_at, id, service_day), the log page's issue order over a long period

The supervisor's log reads the ordered ids of a period at once. In issue order (its default) over months, the
database walks this index in order and reads service_day from it: no sort and no visit of the table rows
(a year of 1.5 million tickets: 0.6 s instead of 1.7 s on SQLite, 0.24 s instead of 1 s on PostgreSQL).

Revision ID: 0008_log_issued_order
Revises: 0007_expired_end
Create Date: 2026-12-03
"""

from alembic import op

revision = "0008_log_issued_order"
down_revision = "0007_expired_end"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_tickets_issued_order", "tickets", ["issued_at", "id", "service_day"])


def downgrade() -> None:
    op.drop_index("ix_tickets_issued_order", table_name="tickets")
