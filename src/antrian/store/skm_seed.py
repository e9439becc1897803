"""The regulation's default SKM questionnaire (package data ``skm_questionnaire.toml``) as version 1.

Inserted by migration 0012_skm on an existing database and, on a new one, when ``create_all`` creates the
questions table (the listener in ``store.models``): a fresh database and a migrated one start alike.
"""

from __future__ import annotations

import tomllib
from datetime import UTC, datetime
from functools import cache
from importlib.resources import files
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from antrian.store.models import UTCDateTime

_VERSIONS = sa.table("skm_versions", sa.column("id", sa.Integer), sa.column("created_at", UTCDateTime()))
_QUESTIONS = sa.table(
    "skm_questions",
    sa.column("version_id", sa.Integer),
    sa.column("position", sa.Integer),
    sa.column("unsur", sa.String),
    sa.column("text_id", sa.String),
    sa.column("text_en", sa.String),
    sa.column("levels_id", sa.JSON),
    sa.column("levels_en", sa.JSON),
)


@cache
def default_questions() -> tuple[dict[str, Any], ...]:
    """The default questions, U1-U9: unsur, text_id, text_en, levels_id, levels_en (four levels each)."""
    data = tomllib.loads(
        files("antrian.store").joinpath("skm_questionnaire.toml").read_text(encoding="utf-8")
    )
    return tuple(data["question"])


def seed_questionnaire(connection: Connection, now: datetime | None = None) -> None:
    """Insert version 1 with the default questions, unless the database has a questionnaire already."""
    if connection.execute(sa.select(sa.func.count()).select_from(_VERSIONS)).scalar():
        return
    version = connection.execute(
        _VERSIONS.insert().values(created_at=now or datetime.now(UTC)).returning(_VERSIONS.c.id)
    ).scalar_one()
    connection.execute(
        _QUESTIONS.insert(),
        [
            {"version_id": version, "position": position, **question}
            for position, question in enumerate(default_questions(), start=1)
        ],
    )
