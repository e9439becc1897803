"""standards with history: each service's standard time and waiting target become dated entries with the
decree that set them; the values in ``services`` move into each service's first entry and leave that table

Revision ID: 0004_standards
Revises: 0003_stations
Create Date: 2026-12-02

The first entry is in force from the earliest service day the database knows for the service (its first
ticket's), else from today in the office's zone: every ticket already recorded is then measured against the
standard the office had when the program began to keep history (docs/DESIGN.md, "Standards with history").
"""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from alembic import op

revision = "0004_standards"
down_revision = "0003_stations"
branch_labels = None
depends_on = None


def upgrade() -> None:
    connection = op.get_bind()
    rows = connection.execute(
        sa.text(
            "SELECT s.id, s.standard_time_value, s.standard_time_unit, s.waiting_target_minutes, "
            "(SELECT MIN(t.service_day) FROM tickets t WHERE t.service_id = s.id) FROM services s"
        )
    ).all()
    _drop_standard_columns(connection)
    op.create_table(
        "service_standards",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.Integer(), nullable=False),
        sa.Column("effective_from", sa.Date(), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.Column("unit", sa.String(length=16), nullable=False),
        sa.Column("waiting_target_minutes", sa.Integer(), nullable=True),
        sa.Column("decree", sa.String(length=200), nullable=True),
        sa.Column("set_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("set_by", sa.Integer(), nullable=True),
        sa.CheckConstraint("value > 0", name=op.f("ck_service_standards_value")),
        sa.CheckConstraint(
            "unit IN ('minutes', 'hours', 'working_days')", name=op.f("ck_service_standards_unit")
        ),
        sa.CheckConstraint(
            "waiting_target_minutes IS NULL OR waiting_target_minutes > 0",
            name=op.f("ck_service_standards_waiting_target"),
        ),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["services.id"],
            name=op.f("fk_service_standards_service_id_services"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(["set_by"], ["users.id"], name=op.f("fk_service_standards_set_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_standards")),
        sa.UniqueConstraint(
            "service_id", "effective_from", name=op.f("uq_service_standards_service_id_effective_from")
        ),
    )
    zone = connection.execute(sa.text("SELECT timezone FROM office WHERE id = 1")).scalar()
    now = datetime.now(UTC)
    today = now.astimezone(ZoneInfo(zone or "Asia/Jakarta")).date()
    standards = sa.table(
        "service_standards",
        sa.column("service_id", sa.Integer()),
        sa.column("effective_from", sa.Date()),
        sa.column("value", sa.Integer()),
        sa.column("unit", sa.String()),
        sa.column("waiting_target_minutes", sa.Integer()),
        sa.column("set_at", sa.DateTime(timezone=True)),
    )
    if rows:
        # SQLite keeps instants naive (models.UTCDateTime); PostgreSQL takes the aware one
        set_at = now.replace(tzinfo=None) if connection.dialect.name == "sqlite" else now
        op.bulk_insert(
            standards,
            [
                {
                    "service_id": service_id,
                    "effective_from": _day(first) or today,
                    "value": value,
                    "unit": unit,
                    "waiting_target_minutes": target,
                    "set_at": set_at,
                }
                for service_id, value, unit, target, first in rows
            ],
        )


def _drop_standard_columns(connection: sa.Connection) -> None:
    """SQLite drops a column named in a CHECK only by copying the table (batch mode); dropping the old copy
    is safe because ``schema.ensure_schema`` migrates SQLite with foreign keys off (and checks them after),
    as SQLite's own procedure for altering a table asks. Otherwise the counters' services would cascade away
    with the old copy."""
    with op.batch_alter_table("services") as batch:
        batch.drop_constraint(op.f("ck_services_standard_time"), type_="check")
        batch.drop_constraint(op.f("ck_services_unit"), type_="check")
        batch.drop_column("standard_time_value")
        batch.drop_column("standard_time_unit")
        batch.drop_column("waiting_target_minutes")


def _day(value: date | str | None) -> date | None:
    """SQLite gives a raw MIN() of a DATE column back as text; PostgreSQL as a date."""
    if isinstance(value, str):
        return datetime.strptime(value, "%Y-%m-%d").date()
    return value


def downgrade() -> None:
    with op.batch_alter_table("services") as batch:
        batch.add_column(sa.Column("standard_time_value", sa.Integer(), nullable=False, server_default="1"))
        batch.add_column(
            sa.Column("standard_time_unit", sa.String(length=16), nullable=False, server_default="minutes")
        )
        batch.add_column(sa.Column("waiting_target_minutes", sa.Integer(), nullable=True))
    # each service keeps its newest entry
    op.execute(
        "UPDATE services SET "
        "standard_time_value = (SELECT value FROM service_standards e WHERE e.service_id = services.id "
        "ORDER BY e.effective_from DESC LIMIT 1), "
        "standard_time_unit = (SELECT unit FROM service_standards e WHERE e.service_id = services.id "
        "ORDER BY e.effective_from DESC LIMIT 1), "
        "waiting_target_minutes = (SELECT waiting_target_minutes FROM service_standards e "
        "WHERE e.service_id = services.id ORDER BY e.effective_from DESC LIMIT 1) "
        "WHERE EXISTS (SELECT 1 FROM service_standards e WHERE e.service_id = services.id)"
    )
    op.drop_table("service_standards")
