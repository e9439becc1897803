"""report_days, report_day_states: exact daily roll-ups of closed service days for the compliance report

A month or a year of the report reads a few thousand roll-up rows instead of every ticket. Durations are
kept as sorted arrays, so percentiles stay exact when days are merged; standards are applied at report time.

Revision ID: 0006_report_days
Revises: 0005_events_kind_at
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_report_days"
down_revision = "0005_events_kind_at"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "report_days",
        sa.Column("service_day", sa.Date(), nullable=False),
        sa.Column("service_id", sa.Integer(), sa.ForeignKey("services.id"), nullable=False),
        sa.Column("priority", sa.Boolean(), nullable=False),
        sa.Column("figures", sa.JSON(), nullable=False),
        sa.Column("waiting", sa.LargeBinary(), nullable=False),
        sa.Column("walk", sa.LargeBinary(), nullable=False),
        sa.Column("service", sa.LargeBinary(), nullable=False),
        sa.Column("stay", sa.LargeBinary(), nullable=False),
        sa.Column("hour_waiting", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("service_day", "service_id", "priority"),
    )
    op.create_table(
        "report_day_states",
        sa.Column("service_day", sa.Date(), nullable=False),
        sa.Column("tickets", sa.Integer(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("service_day"),
    )


def downgrade() -> None:
    op.drop_table("report_day_states")
    op.drop_table("report_days")
