"""Qt's tr() answered from the gettext catalogue."""

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from guide.ui.common.translator import install_translations


def test_a_message_missing_from_the_catalogue_shows_in_english_not_empty(
        qapp: QApplication) -> None:
    try:
        assert install_translations(qapp, "es") == "es"
        assert QCoreApplication.translate("MainWindow", "Browse") == "Explorar"
        assert QCoreApplication.translate("MainWindow", "Not in any catalogue") == (
            "Not in any catalogue")
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancelar"
    finally:
        install_translations(qapp, "en")
    assert QCoreApplication.translate("MainWindow", "Browse") == "Browse"
