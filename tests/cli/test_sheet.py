"""The printable sheet: a real PDF of a routine, read back as text."""

import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from guide.cli import main

# The command makes a QGuiApplication when none exists; in the test run the widgets' QApplication
# must come first, or later widget tests would find a GUI-only application.
pytestmark = pytest.mark.usefixtures("qapp")


def pdf_text(path: Path) -> str:
    tool = shutil.which("pdftotext")
    assert tool, "pdftotext (Debian poppler-utils) is needed; .ci/run installs it"
    return subprocess.run([tool, "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def pdf_pages(path: Path) -> int:
    tool = shutil.which("pdfinfo")
    assert tool
    info = subprocess.run([tool, str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines()
                    if line.startswith("Pages:")))


def flat(text: str) -> str:
    """One line, ligatures undone: PDF text wraps and joins "fl" wherever it likes."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def test_bedtime_sheet_has_steps_doses_cautions_tips_and_sources(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from guide.core.content.cache import load_catalog

    catalog = load_catalog()
    routine = catalog.routines["bedtime"]
    calf = catalog.stretches["calf-wall-straight"]
    pdf = tmp_path / "bedtime.pdf"
    assert main(["sheet", "bedtime", "--pdf", str(pdf)]) == 0
    assert str(pdf) in capsys.readouterr().out
    assert pdf.read_bytes().startswith(b"%PDF-")
    text = flat(pdf_text(pdf))
    assert flat(routine.name) in text
    assert calf.name in text and catalog.stretches["hamstring-standing"].name in text
    assert "Hold 10 s, 3 times on each side" in text  # the routine's dose, not the stretch's
    assert all(flat(step.text) in text for step in calf.steps)
    assert "Caution: " + flat(calf.cautions[0]) in text
    assert all(flat(tip) in text for tip in routine.tips)
    assert "pubmed.ncbi.nlm.nih.gov/22341378" in text  # the trial, among the sources
    assert 1 <= pdf_pages(pdf) <= 2


def test_every_shipped_routine_fits_on_two_pages(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    from guide.core.content.cache import load_catalog

    for routine in load_catalog().routines:
        pdf = tmp_path / f"{routine}.pdf"
        assert main(["sheet", routine, "--pdf", str(pdf)]) == 0
        assert 1 <= pdf_pages(pdf) <= 2, routine


def test_sheet_refuses_unknown_routines_and_missing_folders(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["sheet", "bedtme", "--pdf", str(tmp_path / "x.pdf")]) == 2
    assert "did you mean `bedtime`" in capsys.readouterr().err
    assert main(["sheet", "bedtime", "--pdf", str(tmp_path / "no" / "x.pdf")]) == 1
    assert "no such folder" in capsys.readouterr().err
    assert not (tmp_path / "no").exists()


def test_the_sheet_speaks_the_command_lines_language(
        capsys: pytest.CaptureFixture[str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from guide.core import i18n
    from guide.ui.common.translator import install_translations

    monkeypatch.setenv("LANG", "es_ES.UTF-8")
    i18n.set_language(None)
    pdf = tmp_path / "hoja.pdf"
    try:
        assert main(["sheet", "cramp-calf", "--pdf", str(pdf)]) == 0
    finally:
        from PySide6.QtWidgets import QApplication

        install_translations(QApplication.instance(), "en")  # type: ignore[arg-type]
    assert capsys.readouterr().out.startswith(f"Escrito {pdf} (")
    text = flat(pdf_text(pdf))
    assert "Duración: unos 3 min 50 s." in text
    assert "Mantén 30 s; repite hasta 4 veces hasta que ceda el calambre." in text
    assert "Precaución: Por la noche puedes estar adormilado" in text
    assert "Caution" not in text and "Hold" not in text
