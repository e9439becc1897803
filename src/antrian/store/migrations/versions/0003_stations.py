"""stations: each display and kiosk PC's last report (when seen, and what stops it working, e.g. no voice)

Revision ID: 0003_stations
Revises: 0002_counter_version
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_stations"
down_revision = "0002_counter_version"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("last_seen", sa.DateTime(timezone=True), nullable=False),
        sa.Column("problem", sa.String(length=80), nullable=True),
        sa.Column("problem_params", sa.JSON(), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("kind IN ('display', 'kiosk')", name=op.f("ck_stations_kind")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stations")),
        sa.UniqueConstraint("kind", "name", name=op.f("uq_stations_kind_name")),
    )


def downgrade() -> None:
    op.drop_table("stations")
