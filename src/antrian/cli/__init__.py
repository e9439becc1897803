"""The `antrian` command: database set-up, demo data, scripted queue operations, reports, windows.

One module a concern: ``main`` runs a command (exit codes in ``exits``), ``parser`` lists the commands,
``parsing`` and ``inputs`` declare them and check what they take, ``database`` is the one way a command
opens its database (``open_for``), ``login`` proves ``--user``, ``output`` prints; then a module per group
of commands (``tickets``, ``counters``, ``reports``, ``standards``, ``setup``, ``calendar``, ``users``,
``zones``, ``skm``, ``install``, ``recording``, ``where``, ``first_run``, and ``windows``, the only one that
opens windows). No queue command imports Qt: the windows are imported only by the commands that open them.
What a person reads is in the PC's language (``--lang``, ``ANTRIAN_LANG`` or the settings file; Indonesian
by default), made by ``antrian.words``; ``--json`` output is for programs and stays language-neutral.
"""

from antrian.cli.exits import EXIT_ERROR, EXIT_INVALID, EXIT_NOTHING, EXIT_OK, EXIT_PIPE
from antrian.cli.inputs import DECREE_TEXT, INT32_MAX, INT64_MAX
from antrian.cli.main import main, panel_shorthand, run
from antrian.cli.parser import build_parser

__all__ = [
    "DECREE_TEXT",
    "EXIT_ERROR",
    "EXIT_INVALID",
    "EXIT_NOTHING",
    "EXIT_OK",
    "EXIT_PIPE",
    "INT32_MAX",
    "INT64_MAX",
    "build_parser",
    "main",
    "panel_shorthand",
    "run",
]
