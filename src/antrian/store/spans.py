"""The exact span between two stored instants in SQL, as whole microseconds, on SQLite and PostgreSQL.

Reports and the log page sort and filter on derived times (waiting, service, ...) in the database. A float
of seconds would not do: SQLite's ``julianday`` difference carries rounding noise, so two tickets that waited
the same 5 minutes could compare unequal and break the tie order. Both dialects give an integer here.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import BigInteger, SQLColumnExpression
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

MICROSECONDS = 1_000_000


class microseconds_between(FunctionElement[int]):
    """``end - start`` in whole microseconds (NULL when either is NULL)."""

    type = BigInteger()
    inherit_cache = True
    name = "microseconds_between"

    def __init__(self, start: SQLColumnExpression[Any], end: SQLColumnExpression[Any]) -> None:
        super().__init__(start, end)


@compiles(microseconds_between, "sqlite")
def _sqlite(element: microseconds_between, compiler: SQLCompiler, **kw: Any) -> str:
    # Instants are stored as 'YYYY-MM-DD HH:MM:SS.ffffff' (UTCDateTime): whole seconds from strftime('%s'),
    # microseconds from characters 21-26.
    start, end = (compiler.process(arg, **kw) for arg in element.clauses)
    whole = f"CAST(strftime('%s', {end}) AS INTEGER) - CAST(strftime('%s', {start}) AS INTEGER)"
    part = f"CAST(substr({end}, 21, 6) AS INTEGER) - CAST(substr({start}, 21, 6) AS INTEGER)"
    return f"(({whole}) * {MICROSECONDS} + {part})"


@compiles(microseconds_between, "postgresql")
def _postgresql(element: microseconds_between, compiler: SQLCompiler, **kw: Any) -> str:
    start, end = (compiler.process(arg, **kw) for arg in element.clauses)
    return f"CAST(EXTRACT(EPOCH FROM ({end} - {start})) * {MICROSECONDS} AS BIGINT)"
