"""skm: the citizen satisfaction survey (Permenpan RB 14/2017)

Questionnaire versions and their questions (the nine unsur, and the office's own questions), answer sets
(one respondent each, linked to the visit when known) and their answers 1-4. Version 1 is the regulation's
questionnaire (package data ``antrian/store/skm_questionnaire.toml``), inserted here. Self-contained: it
creates and drops only its own tables.

Revision ID: 0012_skm
Revises: 0009_calendar
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0012_skm"
down_revision = "0011_zones"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    from antrian.store.skm_seed import seed_questionnaire

    op.create_table(
        "skm_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["created_by"], ["users.id"], name=op.f("fk_skm_versions_created_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_skm_versions")),
    )
    op.create_table(
        "skm_questions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("unsur", sa.String(length=2), nullable=True),
        sa.Column("text_id", sa.String(length=300), nullable=False),
        sa.Column("text_en", sa.String(length=300), nullable=False),
        sa.Column("levels_id", sa.JSON(), nullable=False),
        sa.Column("levels_en", sa.JSON(), nullable=False),
        sa.CheckConstraint(
            "unsur IS NULL OR unsur IN ('U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9')",
            name=op.f("ck_skm_questions_unsur"),
        ),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["skm_versions.id"],
            name=op.f("fk_skm_questions_version_id_skm_versions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_skm_questions")),
        sa.UniqueConstraint("version_id", "position", name=op.f("uq_skm_questions_version_id_position")),
    )
    op.create_table(
        "skm_answer_sets",
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", _ID, nullable=True),
        sa.Column("service_id", sa.Integer(), nullable=False),
        sa.Column("counter_id", sa.Integer(), nullable=True),
        sa.Column("service_day", sa.Date(), nullable=False),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("complete", sa.Boolean(), nullable=False),
        sa.Column("channel", sa.String(length=8), nullable=False),
        sa.Column("gender", sa.String(length=16), nullable=True),
        sa.Column("age_band", sa.String(length=16), nullable=True),
        sa.Column("education", sa.String(length=16), nullable=True),
        sa.Column("occupation", sa.String(length=16), nullable=True),
        sa.Column("suggestion", sa.Text(), nullable=True),
        sa.Column("entered_by", sa.Integer(), nullable=True),
        sa.CheckConstraint("channel IN ('touch', 'paper')", name=op.f("ck_skm_answer_sets_channel")),
        sa.ForeignKeyConstraint(
            ["counter_id"], ["counters.id"], name=op.f("fk_skm_answer_sets_counter_id_counters")
        ),
        sa.ForeignKeyConstraint(
            ["entered_by"], ["users.id"], name=op.f("fk_skm_answer_sets_entered_by_users")
        ),
        sa.ForeignKeyConstraint(
            ["service_id"], ["services.id"], name=op.f("fk_skm_answer_sets_service_id_services")
        ),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["tickets.id"], name=op.f("fk_skm_answer_sets_ticket_id_tickets")
        ),
        sa.ForeignKeyConstraint(
            ["version_id"], ["skm_versions.id"], name=op.f("fk_skm_answer_sets_version_id_skm_versions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_skm_answer_sets")),
    )
    with op.batch_alter_table("skm_answer_sets") as batch:
        batch.create_index("ix_skm_answer_sets_day", ["service_day", "service_id"], unique=False)
        batch.create_index(
            "uq_skm_answer_sets_ticket",
            ["ticket_id"],
            unique=True,
            sqlite_where=sa.text("complete"),
            postgresql_where=sa.text("complete"),
        )
        batch.create_index("ix_skm_answer_sets_version", ["version_id"], unique=False)
    op.create_table(
        "skm_answers",
        sa.Column("set_id", _ID, nullable=False),
        sa.Column("question_id", sa.Integer(), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.CheckConstraint("value BETWEEN 1 AND 4", name=op.f("ck_skm_answers_value")),
        sa.ForeignKeyConstraint(
            ["question_id"], ["skm_questions.id"], name=op.f("fk_skm_answers_question_id_skm_questions")
        ),
        sa.ForeignKeyConstraint(
            ["set_id"],
            ["skm_answer_sets.id"],
            name=op.f("fk_skm_answers_set_id_skm_answer_sets"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("set_id", "question_id", name=op.f("pk_skm_answers")),
    )
    seed_questionnaire(op.get_bind())


def downgrade() -> None:
    op.drop_table("skm_answers")
    with op.batch_alter_table("skm_answer_sets") as batch:
        batch.drop_index("ix_skm_answer_sets_version")
        batch.drop_index("uq_skm_answer_sets_ticket")
        batch.drop_index("ix_skm_answer_sets_day")
    op.drop_table("skm_answer_sets")
    op.drop_table("skm_questions")
    op.drop_table("skm_versions")
