"""users and audit: the read-only viewer role, a password that must change at the next login, the audit

Revision ID: 0010_users_audit
Revises: 0009_calendar
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_users_audit"
down_revision = "0009_calendar"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(
            sa.Column("must_change_password", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch.drop_constraint(batch.f("ck_users_role"), type_="check")
        batch.create_check_constraint(
            batch.f("ck_users_role"), "role IN ('admin', 'supervisor', 'operator', 'viewer')"
        )
    op.create_table(
        "audit",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("pc", sa.String(length=255), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("target", sa.String(length=200), nullable=False),
        sa.Column("old", sa.JSON(), nullable=True),
        sa.Column("new", sa.JSON(), nullable=True),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit")),
    )
    with op.batch_alter_table("audit") as batch:
        batch.create_index(batch.f("ix_audit_at"), ["at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("audit") as batch:
        batch.drop_index(batch.f("ix_audit_at"))
    op.drop_table("audit")
    with op.batch_alter_table("users") as batch:
        batch.drop_constraint(batch.f("ck_users_role"), type_="check")
        batch.create_check_constraint(batch.f("ck_users_role"), "role IN ('admin', 'supervisor', 'operator')")
        batch.drop_column("must_change_password")
