"""``python -m antrian.cli``, as ``python -m antrian`` and the ``antrian`` command."""

from antrian.cli.main import run

if __name__ == "__main__":
    run()
