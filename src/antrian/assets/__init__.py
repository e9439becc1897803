"""The files Antrian ships besides code (the call chime, the default logo), found as package data.

They are read through ``importlib.resources``, never relative to a checkout, so an installed wheel finds them
wherever it was installed. ``path`` gives a real file for the APIs that only take one (QtMultimedia opens
sounds by file name); ``read_bytes`` is for everything else.
"""

from __future__ import annotations

import atexit
import contextlib
from functools import cache
from importlib.resources import as_file, files
from pathlib import Path

CHIME = "sounds/chime.wav"
LOGO = "images/logo.svg"

# A zipped install hands out temporary copies; they must outlive every window that plays them.
_copies = contextlib.ExitStack()
atexit.register(_copies.close)


def read_bytes(name: str) -> bytes:
    """The content of the asset ``name`` (e.g. ``LOGO``)."""
    return files(__name__).joinpath(name).read_bytes()


@cache
def path(name: str) -> Path:
    """A file holding the asset ``name``, valid until the process ends (it may not exist if not shipped)."""
    return _copies.enter_context(as_file(files(__name__).joinpath(name)))
