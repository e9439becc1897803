"""What the disk says about a SQLite file, seen from outside SQLite: gone, read-only, full."""

from __future__ import annotations

import os
import shutil

from antrian.domain.echo import shorten
from antrian.domain.errors import StoreError
from antrian.store.urls import PATH_ECHO

# A disk with less free space than this cannot take a write with its journal: the windows say "full".
FULL_BELOW_BYTES = 256 * 1024


def writable(path: str) -> bool:
    """Whether SQLite could write ``path`` in WAL mode: the file, and its folder or its side files."""
    if not os.access(path, os.W_OK):
        return False
    if os.access(os.path.dirname(path) or ".", os.W_OK):
        return True
    return all(os.access(path + suffix, os.W_OK) for suffix in ("-wal", "-shm"))


def free_bytes(path: str) -> int | None:
    try:
        return shutil.disk_usage(os.path.dirname(path) or ".").free
    except OSError:
        return None


def diagnose_path(path: str) -> StoreError | None:
    """What is wrong with the file at ``path`` for writing, seen from outside SQLite (None: nothing seen)."""
    shown = shorten(path, PATH_ECHO)
    if not os.path.exists(path):
        return StoreError("store.deleted", path=shown)
    if not writable(path):
        return StoreError("store.readonly", database=shown)
    free = free_bytes(path)
    if free is not None and free < FULL_BELOW_BYTES:
        return StoreError("store.full", database=shown)
    return None
