"""The shipped content is found through the package, and its absence is an error, not 'OK'."""

from pathlib import Path

import pytest

import guide
from guide.cli import main
from guide.core.store import paths, shipped


def test_a_checkout_reads_the_repository_folders() -> None:
    # The tests run from an editable install: guide/ has no data/, the repository has.
    root = Path(guide.__file__).resolve().parents[1]
    assert shipped.exercises() == root / "exercises"
    assert paths.builtin_media() == root / "media"
    assert shipped.has_content()


def test_an_installed_copy_reads_guide_data(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "site-packages" / "guide"
    (package / "data" / "exercises").mkdir(parents=True)
    (package / "data" / "exercises" / "muscles.yaml").write_text("muscles: []\n")
    monkeypatch.setattr(shipped, "package_dir", lambda: package)
    assert paths.builtin_exercises() == package / "data" / "exercises"
    assert paths.builtin_media() == package / "data" / "media"
    assert shipped.translations() == package / "translations"
    assert shipped.has_content()


@pytest.mark.parametrize("command", [["validate"], ["list", "routines"], ["plan", "bedtime"]])
def test_no_shipped_content_is_an_error(command: list[str], tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    package = tmp_path / "site-packages" / "guide"  # a wheel built without its data
    package.mkdir(parents=True)
    monkeypatch.setattr(shipped, "package_dir", lambda: package)
    assert not shipped.has_content()
    assert main(command) == 2
    out, err = capsys.readouterr()
    assert "OK" not in out
    assert "No shipped content found" in err
    assert str(package / "data" / "exercises" / "muscles.yaml") in err


def test_the_program_licence_is_the_installed_one() -> None:
    licence = shipped.program_licence()
    assert licence is not None and licence.is_file()
    assert "GNU GENERAL PUBLIC LICENSE" in licence.read_text(encoding="utf-8")
