"""Migration 0012 on a database in use at 0009: the survey's tables appear with the regulation's
questionnaire as version 1 (the same as a new database gets), and going back removes only them. On SQLite and
PostgreSQL."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect, text

from antrian.domain.skm import UNSUR_CODES
from antrian.services.skm import current_questionnaire
from antrian.store.database import open_database
from antrian.store.engines import make_engine
from antrian.store.schema import HEAD_REVISION, alembic_config, current_revision
from antrian.store.skm_seed import default_questions
from antrian.store.urls import resolve_url

SKM_TABLES = {"skm_versions", "skm_questions", "skm_answer_sets", "skm_answers"}


def test_upgrading_from_0009_adds_the_survey_with_the_regulations_questionnaire(db_url: str) -> None:
    engine = make_engine(resolve_url(db_url), create=True)
    try:
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), "0011_zones")
            connection.execute(
                text(
                    "INSERT INTO services (id, code, name, open_days, active, display_order) "
                    "VALUES (1, 'A', 'Layanan', '12345', true, 0)"
                )
            )
    finally:
        engine.dispose()

    database = open_database(db_url, create=True)  # what ``antrian db upgrade`` does
    try:
        with database.engine.connect() as connection:
            assert current_revision(connection) == HEAD_REVISION
        with database.read() as s:
            migrated = current_questionnaire(s)
            assert s.execute(text("SELECT code FROM services")).scalars().all() == ["A"]
        assert (migrated.version, migrated.frozen) == (1, False)
        assert [q.unsur.code if q.unsur else None for q in migrated.questions] == list(UNSUR_CODES)
        assert [q.text_id for q in migrated.questions] == [q["text_id"] for q in default_questions()]
        assert all(len(q.levels_id) == len(q.levels_en) == 4 for q in migrated.questions)
    finally:
        database.dispose()

    engine = make_engine(resolve_url(db_url))
    try:
        with engine.begin() as connection:
            command.downgrade(alembic_config(connection), "0011_zones")
            tables = set(inspect(connection).get_table_names())
        assert not SKM_TABLES & tables and "services" in tables
    finally:
        engine.dispose()


def test_a_new_database_gets_the_same_questionnaire(db_url: str) -> None:
    database = open_database(db_url, create=True)  # create_all + stamp, not the migration
    try:
        with database.read() as s:
            created = current_questionnaire(s)
        assert (created.version, len(created.questions)) == (1, 9)
        assert [q.text_en for q in created.questions] == [q["text_en"] for q in default_questions()]
        assert [list(q.levels_id) for q in created.questions] == [q["levels_id"] for q in default_questions()]
    finally:
        database.dispose()
