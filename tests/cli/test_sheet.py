"""The printable sheet: a real PDF of a routine, read back as text."""

import shutil
import subprocess
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


def test_bedtime_sheet_has_steps_doses_cautions_tips_and_sources(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    pdf = tmp_path / "bedtime.pdf"
    assert main(["sheet", "bedtime", "--pdf", str(pdf)]) == 0
    assert str(pdf) in capsys.readouterr().out
    assert pdf.read_bytes().startswith(b"%PDF-")
    text = " ".join(pdf_text(pdf).split())  # one line, whatever the wrapping
    assert "Bedtime leg-cramp prevention" in text
    assert "Wall calf stretch, straight knee" in text and "Standing hamstring stretch" in text
    assert "Hold 10 s, 3 times on each side" in text  # the routine's dose, not the stretch's
    assert "Press the back heel down into the floor." in text.replace("ﬂ", "fl")
    assert "Caution: If you have had an Achilles tendon injury" in text
    assert "every night for six weeks" in text  # a tip
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
