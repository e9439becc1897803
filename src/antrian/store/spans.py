"""The exact span between two stored instants in SQL, as whole microseconds, on SQLite and PostgreSQL.

Reports and the log page sort and filter on derived times (waiting, service, ...) in the database. A float
of seconds would not do: SQLite's ``julianday`` difference carries rounding noise, so two tickets that waited
the same 5 minutes could compare unequal and break the tie order. Both dialects give an integer here.

On SQLite the whole seconds come from the instants cut to the second (``julianday`` of
'YYYY-MM-DD HH:MM:SS' is an exact count of milliseconds; the difference, rounded, is exact), the microseconds
from characters 21-26. ``strftime('%s')`` was used before and is wrong: SQLite rounds the instant to the
millisecond first, so 02:07:28.999537 counted as second 29 (a span a second too long). ``julianday`` is also
about twice as fast, which a sort over a year of tickets feels.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import BigInteger, ColumnElement, SQLColumnExpression
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
    # Instants are stored as 'YYYY-MM-DD HH:MM:SS.ffffff' (UTCDateTime): whole seconds from the instants cut
    # to the second, microseconds from characters 21-26.
    start, end = (compiler.process(arg, **kw) for arg in element.clauses)
    days = f"julianday(substr({end}, 1, 19)) - julianday(substr({start}, 1, 19))"
    whole = f"CAST(round(({days}) * 86400) AS INTEGER)"
    part = f"CAST(substr({end}, 21, 6) AS INTEGER) - CAST(substr({start}, 21, 6) AS INTEGER)"
    return f"(({whole}) * {MICROSECONDS} + {part})"


@compiles(microseconds_between, "postgresql")
def _postgresql(element: microseconds_between, compiler: SQLCompiler, **kw: Any) -> str:
    start, end = (compiler.process(arg, **kw) for arg in element.clauses)
    return f"CAST(EXTRACT(EPOCH FROM ({end} - {start})) * {MICROSECONDS} AS BIGINT)"


class unindexed(FunctionElement[Any]):
    """``column`` as a value SQLite's planner will not search an index by (a unary ``+``), so that it can
    walk an index that serves the ORDER BY instead; the column itself elsewhere."""

    inherit_cache = True
    name = "unindexed"

    def __init__(self, column: SQLColumnExpression[Any]) -> None:
        super().__init__(column)
        self.type = self.indexed_column().type

    def indexed_column(self) -> ColumnElement[Any]:
        column: ColumnElement[Any] = next(iter(self.clauses))
        return column


@compiles(unindexed)
def _column(element: unindexed, compiler: SQLCompiler, **kw: Any) -> str:
    return compiler.process(element.indexed_column(), **kw)


@compiles(unindexed, "sqlite")
def _unary_plus(element: unindexed, compiler: SQLCompiler, **kw: Any) -> str:
    return "+" + compiler.process(element.indexed_column(), **kw)
