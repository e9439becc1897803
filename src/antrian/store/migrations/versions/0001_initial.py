"""initial schema

Revision ID: 0001_initial
Revises:
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "counters",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_counters")),
        sa.UniqueConstraint("number", name=op.f("uq_counters_number")),
    )
    op.create_table(
        "event_sequence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("last", sa.BigInteger(), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_event_sequence_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_sequence")),
    )
    op.create_table(
        "office",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("address", sa.String(length=300), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("label_width", sa.Integer(), nullable=False),
        sa.Column("priority_interleave", sa.Integer(), nullable=False),
        sa.Column("recall_limit", sa.Integer(), nullable=False),
        sa.Column("running_text", sa.Text(), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_office_single_row")),
        sa.CheckConstraint("label_width BETWEEN 1 AND 6", name=op.f("ck_office_label_width")),
        sa.CheckConstraint("priority_interleave >= 0", name=op.f("ck_office_interleave")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_office")),
    )
    op.create_table(
        "services",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=3), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("standard_time_value", sa.Integer(), nullable=False),
        sa.Column("standard_time_unit", sa.String(length=16), nullable=False),
        sa.Column("waiting_target_minutes", sa.Integer(), nullable=True),
        sa.Column("daily_quota", sa.Integer(), nullable=True),
        sa.Column("opens_at", sa.Time(), nullable=True),
        sa.Column("closes_at", sa.Time(), nullable=True),
        sa.Column("open_days", sa.String(length=7), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("display_order", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "standard_time_unit IN ('minutes', 'hours', 'working_days')", name=op.f("ck_services_unit")
        ),
        sa.CheckConstraint("daily_quota IS NULL OR daily_quota > 0", name=op.f("ck_services_quota")),
        sa.CheckConstraint("standard_time_value > 0", name=op.f("ck_services_standard_time")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_services")),
        sa.UniqueConstraint("code", name=op.f("uq_services_code")),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("full_name", sa.String(length=120), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("role IN ('admin', 'supervisor', 'operator')", name=op.f("ck_users_role")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("username", name=op.f("uq_users_username")),
    )
    op.create_table(
        "counter_services",
        sa.Column("counter_id", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["counter_id"],
            ["counters.id"],
            name=op.f("fk_counter_services_counter_id_counters"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["services.id"],
            name=op.f("fk_counter_services_service_id_services"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("counter_id", "service_id", name=op.f("pk_counter_services")),
    )
    op.create_table(
        "ticket_numbers",
        sa.Column("service_id", sa.Integer(), nullable=False),
        sa.Column("service_day", sa.Date(), nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["service_id"], ["services.id"], name=op.f("fk_ticket_numbers_service_id_services")
        ),
        sa.PrimaryKeyConstraint("service_id", "service_day", name=op.f("pk_ticket_numbers")),
    )
    op.create_table(
        "tickets",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("service_id", sa.Integer(), nullable=False),
        sa.Column("service_day", sa.Date(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=12), nullable=False),
        sa.Column("priority_group", sa.String(length=32), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("place_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("first_called_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_called_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("counter_id", sa.Integer(), nullable=True),
        sa.Column("operator_id", sa.Integer(), nullable=True),
        sa.Column("call_count", sa.Integer(), nullable=False),
        sa.Column("parent_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.ForeignKeyConstraint(["counter_id"], ["counters.id"], name=op.f("fk_tickets_counter_id_counters")),
        sa.ForeignKeyConstraint(["operator_id"], ["users.id"], name=op.f("fk_tickets_operator_id_users")),
        sa.ForeignKeyConstraint(["parent_id"], ["tickets.id"], name=op.f("fk_tickets_parent_id_tickets")),
        sa.ForeignKeyConstraint(["service_id"], ["services.id"], name=op.f("fk_tickets_service_id_services")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tickets")),
    )
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.create_index("ix_tickets_day_label", ["service_day", "label"], unique=False)
        batch_op.create_index(
            "ix_tickets_open",
            ["service_day"],
            unique=False,
            sqlite_where=sa.text("status IN ('waiting', 'called', 'serving', 'held')"),
            postgresql_where=sa.text("status IN ('waiting', 'called', 'serving', 'held')"),
        )
        batch_op.create_index("ix_tickets_parent", ["parent_id"], unique=False)
        batch_op.create_index(
            "ix_tickets_waiting",
            ["service_day", "service_id", "place_at"],
            unique=False,
            sqlite_where=sa.text("status = 'waiting'"),
            postgresql_where=sa.text("status = 'waiting'"),
        )
        batch_op.create_index(
            "uq_tickets_number",
            ["service_id", "service_day", "sequence"],
            unique=True,
            sqlite_where=sa.text("parent_id IS NULL"),
            postgresql_where=sa.text("parent_id IS NULL"),
        )

    op.create_table(
        "counter_states",
        sa.Column("counter_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=8), nullable=False),
        sa.Column("operator_id", sa.Integer(), nullable=True),
        sa.Column("current_ticket_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("pause_reason", sa.String(length=200), nullable=True),
        sa.Column("since", sa.DateTime(timezone=True), nullable=True),
        sa.Column("normal_streak", sa.Integer(), nullable=False),
        sa.CheckConstraint("state IN ('open', 'paused', 'closed')", name=op.f("ck_counter_states_state")),
        sa.ForeignKeyConstraint(
            ["counter_id"],
            ["counters.id"],
            name=op.f("fk_counter_states_counter_id_counters"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["current_ticket_id"], ["tickets.id"], name=op.f("fk_counter_states_current_ticket_id_tickets")
        ),
        sa.ForeignKeyConstraint(
            ["operator_id"], ["users.id"], name=op.f("fk_counter_states_operator_id_users")
        ),
        sa.PrimaryKeyConstraint("counter_id", name=op.f("pk_counter_states")),
    )
    op.create_table(
        "events",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=False, nullable=False
        ),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("ticket_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("counter_id", sa.Integer(), nullable=True),
        sa.Column("service_id", sa.Integer(), nullable=True),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["counter_id"], ["counters.id"], name=op.f("fk_events_counter_id_counters")),
        sa.ForeignKeyConstraint(["service_id"], ["services.id"], name=op.f("fk_events_service_id_services")),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"], name=op.f("fk_events_ticket_id_tickets")),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_events_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
    )
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index("ix_events_ticket", ["ticket_id"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index("ix_events_ticket")

    op.drop_table("events")
    op.drop_table("counter_states")
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_tickets_number",
            sqlite_where=sa.text("parent_id IS NULL"),
            postgresql_where=sa.text("parent_id IS NULL"),
        )
        batch_op.drop_index(
            "ix_tickets_waiting",
            sqlite_where=sa.text("status = 'waiting'"),
            postgresql_where=sa.text("status = 'waiting'"),
        )
        batch_op.drop_index("ix_tickets_parent")
        batch_op.drop_index(
            "ix_tickets_open",
            sqlite_where=sa.text("status IN ('waiting', 'called', 'serving', 'held')"),
            postgresql_where=sa.text("status IN ('waiting', 'called', 'serving', 'held')"),
        )
        batch_op.drop_index("ix_tickets_day_label")

    op.drop_table("tickets")
    op.drop_table("ticket_numbers")
    op.drop_table("counter_services")
    op.drop_table("users")
    op.drop_table("settings")
    op.drop_table("services")
    op.drop_table("office")
    op.drop_table("event_sequence")
    op.drop_table("counters")
