"""Antrian installs like an app: the wheel, installed into a fresh virtual environment outside the checkout,
finds its chime, logo and words as package data and runs from any folder.

The fresh environment takes the dependencies (PySide6, SQLAlchemy, ...) from the running interpreter's
site-packages through a ``.pth`` line instead of downloading them: a ``.pth`` line only adds a folder to
``sys.path``, so the ``.pth`` files inside that folder (among them the project's editable install, which
points at the checkout) are not processed. Antrian itself comes from the wheel alone; the test checks it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from importlib.metadata import version
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from tests.voice.test_voice import sox_stats

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]
# Only for writing new migrations (`alembic revision`); an installed Antrian never reads it.
# sources of what is shipped, not needed to run: the migration template and the translations' .ts files
NOT_SHIPPED = {"antrian/store/migrations/script.py.mako"}
NOT_SHIPPED_SUFFIXES = (".ts",)

RENDER_DISPLAY = """
import json, sys
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication

app = QApplication([])
import antrian
from antrian.gui.display.window import DisplayWindow
from antrian.gui.tasks import TaskRunner
from antrian.store.database import open_database

db = open_database(sys.argv[1])
runner = TaskRunner(app)
window = DisplayWindow(db, lambda work, done: runner.submit(work, done, done))
window.resize(1366, 768)
window.show()
runner.wait()
app.processEvents()
window.grab().save(sys.argv[2])
corner = window.logo.mapTo(window, QPoint(0, 0))
print(json.dumps({
    "antrian": antrian.__file__,
    "office": window.office.text(),
    "logo_pixmap_null": window.logo.pixmap().isNull(),
    "logo": [corner.x(), corner.y(), window.logo.width(), window.logo.height()],
}))
window.close()
runner.wait()
db.dispose()
"""


def package_files(folder: Path) -> set[str]:
    return {
        str(path.relative_to(folder.parent))
        for path in folder.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    }


def build_wheel(tmp_path: Path) -> Path:
    """The wheel of this checkout, built offline with the setuptools of the running environment.

    The build runs in a copy of the sources, so that it leaves nothing (build/, *.egg-info) in the checkout.
    """
    setuptools_version = tuple(int(part) for part in version("setuptools").split(".")[:2])
    if setuptools_version < (70, 1):
        pytest.fail(
            f"setuptools {version('setuptools')} cannot build the wheel offline; the test extras need "
            "setuptools>=70.1 (scripts/test.sh installs them)"
        )
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    shutil.copytree(ROOT / "src", source / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    dist = tmp_path / "dist"
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "--disable-pip-version-check",
            "--quiet",
            "--wheel-dir",
            str(dist),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    (wheel,) = dist.glob("antrian-*.whl")
    return wheel


def fresh_environment(tmp_path: Path, wheel: Path) -> Path:
    """A new virtual environment with the wheel installed and the running environment's dependencies."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    site = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True,
            text=True,
            check=True,
            timeout=30,
        ).stdout.strip()
    )
    dependencies = dict.fromkeys(sysconfig.get_paths()[key] for key in ("purelib", "platlib"))
    (site / "antrian_test_dependencies.pth").write_text("".join(f"{path}\n" for path in dependencies))
    install = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--no-deps",
            "--no-index",
            "--disable-pip-version-check",
            "--quiet",
            str(wheel),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert install.returncode == 0, install.stdout + install.stderr
    return venv


def test_the_wheel_installed_elsewhere_has_its_data_and_runs_from_any_folder(tmp_path: Path) -> None:
    wheel = build_wheel(tmp_path)
    with zipfile.ZipFile(wheel) as archive:
        shipped = {name for name in archive.namelist() if name.startswith("antrian/")}
    source = package_files(ROOT / "src" / "antrian")
    needed = {name for name in source - NOT_SHIPPED if not name.endswith(NOT_SHIPPED_SUFFIXES)}
    assert needed - shipped == set(), "files of the package missing from the wheel"
    assert {"antrian/assets/sounds/chime.wav", "antrian/assets/images/logo.svg"} <= shipped
    assert {"antrian/words/id/common.toml", "antrian/words/en/common.toml"} <= shipped

    venv = fresh_environment(tmp_path, wheel)
    python, antrian = venv / "bin" / "python", venv / "bin" / "antrian"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP") and not key.startswith("ANTRIAN_")
    }
    env.update(
        PYTHONNOUSERSITE="1",
        QT_QPA_PLATFORM="offscreen",
        ANTRIAN_LANG="id",
        **{f"XDG_{kind}_HOME": str(tmp_path / kind.lower()) for kind in ("CONFIG", "DATA", "STATE", "CACHE")},
    )

    def run(*command: str | Path) -> str:
        result = subprocess.run(
            [str(part) for part in command],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=elsewhere,
            env=env,
        )
        assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
        return result.stdout

    # Antrian is the wheel's copy; nothing on sys.path leads to the checkout or to another install.
    where = json.loads(
        run(
            python,
            "-c",
            "import antrian, json, sys; from pathlib import Path; print(json.dumps([antrian.__file__, "
            "[p for p in sys.path if (Path(p) / 'antrian' / '__init__.py').exists()]]))",
        )
    )
    site = Path(where[0]).parent.parent
    assert Path(where[0]).is_relative_to(venv), where
    assert where[1] == [str(site)], where
    assert not Path(where[0]).is_relative_to(ROOT)

    office = tmp_path / "office.db"
    assert "Kantor contoh siap" in run(antrian, "--db", office, "demo-data")  # Indonesian by default

    shot = tmp_path / "display.png"
    shown = json.loads(run(python, "-c", RENDER_DISPLAY, office, shot))
    assert Path(shown["antrian"]).is_relative_to(venv)
    assert shown["office"], "the display read the office from the database"
    assert not shown["logo_pixmap_null"], "the logo was not found in the installed package"
    image = QImage(str(shot))
    x, y, width, height = shown["logo"]
    assert width > 16 and height > 16, shown
    # the logo is a yellow (#f2b705) disc on the display's dark blue header
    yellow = sum(
        1
        for px in range(x, x + width)
        for py in range(y, y + height)
        if _near(QColor(image.pixel(px, py)), QColor("#f2b705"))
    )
    assert yellow > 0.1 * width * height, f"{yellow} logo pixels in {width}x{height} at ({x}, {y})"

    call = tmp_path / "call.wav"
    said = json.loads(run(antrian, "--db", office, "voice", "test", "--wav", call, "--json"))
    assert said["number"] == "A001" and said["seconds"] > 3, said
    chime = site / "antrian" / "assets" / "sounds" / "chime.wav"
    chime_stats = sox_stats(chime)
    opening = ("trim", "0", str(chime_stats["Length (seconds)"]))
    rest = sox_stats(call, effects=("trim", str(chime_stats["Length (seconds)"])))
    # the recording opens with the chime as loud as the chime itself, and nothing but the chime
    assert sox_stats(call, effects=opening)["Maximum amplitude"] == pytest.approx(
        chime_stats["Maximum amplitude"], rel=0.01
    )
    assert sox_stats("-m", "-v", "1", call, "-v", "-1", chime, effects=opening)["RMS     amplitude"] < 0.001
    assert chime_stats["RMS     amplitude"] > 0.05, chime_stats
    # then the sentence
    assert rest["Length (seconds)"] > 2 and rest["RMS     amplitude"] > 0.02, rest


def _near(color: QColor, wanted: QColor) -> bool:
    return (
        abs(color.red() - wanted.red())
        + abs(color.green() - wanted.green())
        + abs(color.blue() - wanted.blue())
        < 60
    )
