"""zones: the agencies or zones of a Mal Pelayanan Publik

A zone (DUKCAPIL, PAJAK ...) groups services and counters; services and counters get a nullable zone (none:
the office has no zones, or the service or counter belongs to none). Self-contained: it only adds a table and
two nullable columns, so it can follow any revision that has ``services`` and ``counters``.

Revision ID: 0011_zones
Revises: 0009_calendar
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0011_zones"
down_revision = "0010_users_audit"
branch_labels = None
depends_on = None

TABLES = ("services", "counters")


def upgrade() -> None:
    op.create_table(
        "zones",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("display_order", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_zones")),
        sa.UniqueConstraint("code", name=op.f("uq_zones_code")),
    )
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("zone_id", sa.Integer(), nullable=True))
            batch.create_index(batch.f(f"ix_{table}_zone_id"), ["zone_id"], unique=False)
            batch.create_foreign_key(batch.f(f"fk_{table}_zone_id_zones"), "zones", ["zone_id"], ["id"])


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_constraint(batch.f(f"fk_{table}_zone_id_zones"), type_="foreignkey")
            batch.drop_index(batch.f(f"ix_{table}_zone_id"))
            batch.drop_column("zone_id")
    op.drop_table("zones")
