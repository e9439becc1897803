"""The `antrian` command run in a process of its own, without paying for Python's start each time.

A real ``antrian`` spends about 0.35 s of CPU before it reads its arguments: the interpreter starts and
imports SQLAlchemy, Alembic, the drivers and Antrian. ``test_cli.py`` runs the command some hundreds of times,
so it would spend most of its time there. A *starter* process imports all of that once (and nothing else: it
opens no database, reads no settings, starts no thread) and then forks one child per command. The child is
the command: it takes the test's environment, working folder and arguments, writes to its own stdout and
stderr files, and ends through ``antrian.cli.run``, the console entry point itself, whose ``os._exit`` code
is the command's exit status. Nothing of one command reaches the next: each is a fresh fork of the same
untouched starter.

What differs from a cold start is only the start itself, so the callers keep real cold starts where the
start is what is tested (an environment that changes how Python starts: ``PYTHON*``, locale variables) and
for the end-to-end flows (``real=True``).
"""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from types import ModuleType

# Variables read while Python starts, not when a command reads them: a fork can't honour a change of these.
_START_VARIABLES = ("PYTHON", "LC_", "LANG", "LANGUAGE")

# Imported once by the starter: Antrian's modules a command may import on its way (not the windows, the voice
# or the printing, which bring Qt; not the migrations' environment, which runs when imported), and the
# libraries they import late.
_NOT_PRELOADED = ("antrian.gui", "antrian.voice", "antrian.printing", "antrian.store.migrations")
_LIBRARIES = (
    "sqlalchemy.dialects.sqlite",
    "sqlalchemy.dialects.postgresql.psycopg",
    "alembic.command",
    "logging.handlers",
    "platformdirs",
    "importlib.resources.readers",
)


def forkable(environment: dict[str, str]) -> bool:
    """Whether a command in ``environment`` starts as the starter did (nothing that Python reads at start
    differs from this process's)."""
    for name in set(environment) | set(os.environ):
        if name.startswith(_START_VARIABLES) and environment.get(name) != os.environ.get(name):
            return False
    return True


def _serve() -> None:
    """The starter: read one request per line, fork the command, answer with its pid, then its status."""
    import importlib
    import pkgutil

    import antrian

    def load(package: ModuleType) -> None:  # (pkgutil.walk_packages would import the skipped packages too)
        for module in pkgutil.iter_modules(package.__path__, f"{package.__name__}."):
            if not module.name.startswith(_NOT_PRELOADED) and not module.name.endswith("__main__"):
                loaded = importlib.import_module(module.name)
                if module.ispkg:
                    load(loaded)

    load(antrian)
    for name in _LIBRARIES:
        importlib.import_module(name)
    assert "PySide6" not in sys.modules and threading.active_count() == 1, "the starter must stay bare"
    requests = sys.stdin.buffer
    answers = os.fdopen(os.dup(1), "w", buffering=1)
    answers.write("ready\n")
    for line in requests:
        request = json.loads(line)
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            _child(request)
        answers.write(f"{pid}\n")
        _, status = os.waitpid(pid, 0)
        answers.write(f"{os.waitstatus_to_exitcode(status)}\n")


def _child(request: dict[str, object]) -> None:
    """The command itself, in the forked child; never returns."""
    try:
        os.setpgid(0, 0)  # its own group: a test's timeout kills the command and whatever it started
        os.chdir(str(request["cwd"]))
        environment = request["env"]
        assert isinstance(environment, dict)
        os.environ.clear()
        os.environ.update(environment)
        null = os.open(os.devnull, os.O_RDONLY)
        out = os.open(str(request["out"]), os.O_WRONLY)
        err = os.open(str(request["err"]), os.O_WRONLY)
        for source, target in ((null, 0), (out, 1), (err, 2)):
            os.dup2(source, target)
            os.close(source)
        arguments = request["argv"]
        assert isinstance(arguments, list)
        sys.argv = [str(request["program"]), *arguments]
        from antrian.cli import run

        run()  # ends the process with the command's exit code
    except BaseException:
        import traceback

        traceback.print_exc()
        sys.stderr.flush()
    os._exit(70)


class Starter:
    """One starter process for this test process, started on first use."""

    def __init__(self, program: str) -> None:
        self._program = program
        self._process: subprocess.Popen[bytes] | None = None

    def run(self, argv: list[str], environment: dict[str, str], timeout: float) -> tuple[int, str, str]:
        """``antrian ARGV`` in ``environment`` and this process's folder: (exit code, stdout, stderr)."""
        with tempfile.TemporaryDirectory(prefix="antrian-cmd-") as folder:
            process = self._started()
            out, err = Path(folder) / "out", Path(folder) / "err"
            out.touch()
            err.touch()
            request = {
                "argv": argv,
                "env": environment,
                "cwd": os.getcwd(),
                "out": str(out),
                "err": str(err),
                "program": self._program,
            }
            assert process.stdin is not None
            process.stdin.write(json.dumps(request).encode() + b"\n")
            process.stdin.flush()
            pid = int(self._answer(process, 10))
            try:
                code = int(self._answer(process, timeout))
            except TimeoutError:
                os.killpg(pid, signal.SIGKILL)
                self._answer(process, 10)
                raise TimeoutError(f"antrian {' '.join(argv)} did not end within {timeout} s") from None
            return code, _text(out), _text(err)

    def close(self) -> None:
        """End the starter (a command it is running ends with it)."""
        if self._process is not None:
            self._process.kill()
            self._process.wait()
            for pipe in (self._process.stdin, self._process.stdout):
                if pipe is not None:
                    pipe.close()
            self._process = None

    def _started(self) -> subprocess.Popen[bytes]:
        if self._process is None or self._process.poll() is not None:
            self._process = subprocess.Popen(
                [sys.executable, "-c", "from tests.cli.forked import _serve; _serve()"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                bufsize=0,  # answers read a line at a time, none kept in a buffer select() can't see
                cwd=Path(__file__).parents[2],
            )
            if self._answer(self._process, 60) != "ready":
                raise RuntimeError("the command starter did not start")
        return self._process

    @staticmethod
    def _answer(process: subprocess.Popen[bytes], timeout: float) -> str:
        assert process.stdout is not None
        ready, _, _ = select.select([process.stdout], [], [], timeout)
        if not ready:
            raise TimeoutError
        line = process.stdout.readline()
        if not line:
            raise RuntimeError(f"the command starter ended (exit {process.wait()})")
        return line.decode().strip()


def _text(path: Path) -> str:
    """What a command wrote, read as ``subprocess.run(text=True)`` reads it."""
    with path.open(encoding="utf-8", errors="replace") as file:
        return file.read()
