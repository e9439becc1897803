"""calendar: public holidays and recurring breaks of the office

A holiday closes the kiosk (tickets are refused with the holiday's name) and keeps every counter closed; a
break on a weekday (Jumat 11:30-13:00 for Friday prayers, lunch) closes the kiosk's services meanwhile and is
shown on the display.

Revision ID: 0009_calendar
Revises: 0008_log_issued_order
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_calendar"
down_revision = "0008_log_issued_order"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "holidays",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_holidays")),
    )
    op.create_table(
        "breaks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("weekday", sa.Integer(), nullable=False),
        sa.Column("starts_at", sa.Time(), nullable=False),
        sa.Column("ends_at", sa.Time(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.CheckConstraint("weekday BETWEEN 1 AND 7", name=op.f("ck_breaks_weekday")),
        sa.CheckConstraint("starts_at < ends_at", name=op.f("ck_breaks_span")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_breaks")),
    )
    with op.batch_alter_table("breaks") as batch:
        batch.create_index(batch.f("ix_breaks_weekday"), ["weekday"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("breaks") as batch:
        batch.drop_index(batch.f("ix_breaks_weekday"))
    op.drop_table("breaks")
    op.drop_table("holidays")
