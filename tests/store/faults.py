"""Ways a database file goes wrong under running programs, for the fault tests (store, CLI, windows).

Each is the real thing, not a stub: another process holding SQLite's lock, file attributes the kernel
enforces, a small file system that fills up, a file system remounted read-only. What needs root (mounting;
making a file read-only for root, who ignores permission bits) says so: CI runs as root.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def need_root(what: str) -> None:
    if not IS_ROOT:
        pytest.skip(f"{what} needs root (mount); CI runs as root")


class LockHolder:
    """Another program (plain sqlite3, not Antrian) holding SQLite's write lock until ``release``."""

    def __init__(self, path: Path, mode: str = "EXCLUSIVE") -> None:
        script = (
            "import sqlite3, sys\n"
            f"c = sqlite3.connect({str(path)!r}, isolation_level=None, timeout=10)\n"
            f"c.execute('BEGIN {mode}'); print('locked', flush=True)\n"
            "sys.stdin.readline(); c.execute('ROLLBACK'); print('released', flush=True)\n"
        )
        self.process = subprocess.Popen(
            [sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        assert self.process.stdout is not None
        assert self.process.stdout.readline().strip() == "locked"

    def release(self) -> None:
        if self.process.poll() is None:
            assert self.process.stdin is not None and self.process.stdout is not None
            self.process.stdin.write("\n")
            self.process.stdin.flush()
            assert self.process.stdout.readline().strip() == "released"
            self.process.wait(10)
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                stream.close()


@contextlib.contextmanager
def lock_held(path: Path, mode: str = "EXCLUSIVE") -> Iterator[LockHolder]:
    holder = LockHolder(path, mode)
    try:
        yield holder
    finally:
        holder.release()


def make_read_only(path: Path) -> None:
    """The file can no longer be written, even by root: the immutable attribute (root), else mode 0444."""
    if IS_ROOT:
        subprocess.run(["chattr", "+i", str(path)], check=True)
    else:
        path.chmod(0o444)


def make_writable(path: Path) -> None:
    if IS_ROOT:
        subprocess.run(["chattr", "-i", str(path)], check=True)
    else:
        path.chmod(0o644)


@contextlib.contextmanager
def read_only(path: Path) -> Iterator[None]:
    make_read_only(path)
    try:
        yield
    finally:
        make_writable(path)


@contextlib.contextmanager
def small_disk(parent: Path, size: str = "4m") -> Iterator[Path]:
    """A tmpfs of ``size`` mounted at a new folder under ``parent`` (root only)."""
    need_root("a small file system")
    mount = parent / "disk"
    mount.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0777", "tmpfs", str(mount)], check=True)
    try:
        yield mount
    finally:
        # lazy: a process that still has a file open there must not keep the test from finishing
        subprocess.run(["umount", "-l", str(mount)], check=False)


def remount(mount: Path, mode: str) -> None:
    """``mode`` "ro" or "rw"; remounting read-only fails while a file is open for writing there."""
    subprocess.run(["mount", "-o", f"remount,{mode}", str(mount)], check=True)


def fill(folder: Path) -> Path:
    """Fill the file system of ``folder`` to the last byte; returns the filler (delete it to free space)."""
    filler = folder / "filler.bin"
    with filler.open("wb", buffering=0) as stream:
        for block in (1 << 20, 1 << 12, 1):
            with contextlib.suppress(OSError):
                while stream.write(b"\0" * block):
                    pass
    assert shutil.disk_usage(folder).free < 65536
    return filler


def side_files(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]


def backup(path: Path, target: Path) -> Path:
    """A consistent copy of the live database ``path`` (SQLite's backup API: the -wal's pages included)."""
    source, copy = sqlite3.connect(path), sqlite3.connect(target)
    try:
        source.backup(copy)
    finally:
        source.close()
        copy.close()
    return target


def restore(backup: Path, path: Path) -> None:
    """Put ``backup`` in place of ``path`` as an office should: the old file's -wal and -shm go first."""
    for side in side_files(path):
        side.unlink(missing_ok=True)
    shutil.copyfile(backup, path.with_name(path.name + ".restoring"))
    os.replace(path.with_name(path.name + ".restoring"), path)
