"""Start-up spares PySide6 its scan of module sources, without changing what PySide6 decides."""

import sys
import types

import pytest

from guide.ui.shell import pyside_scan


def test_the_app_modules_are_declared_as_pyside_users_without_feature(
        monkeypatch: pytest.MonkeyPatch) -> None:
    feature = types.SimpleNamespace(pyside_feature_dict={"typing": -1})
    monkeypatch.setitem(sys.modules, "shibokensupport.feature", feature)
    pyside_scan.declare_modules()
    table = feature.pyside_feature_dict
    assert table["guide.ui.shell.main_window"] == 0 and table["guide.core.content.cache"] == 0
    assert table["guide"] == 0 and table["guide.ui.player"] == 0  # packages too
    assert table["json"] == -1 and table["argparse"] == -1  # standard modules: ignored
    assert not any(name.startswith("guide.data") for name in table)  # content is no module


def test_another_pyside_without_the_table_scans_as_before(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "shibokensupport.feature", types.SimpleNamespace())
    pyside_scan.declare_modules()  # nothing to fill, nothing raised
