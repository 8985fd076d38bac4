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


def test_the_voice_is_chosen_for_the_contents_language() -> None:
    from PySide6.QtCore import QLocale

    from guide.ui.player.cues import voice_locale

    available = [QLocale("en_GB"), QLocale("es_MX"), QLocale("es_ES"), QLocale("fi_FI")]
    assert voice_locale(available, "es") in (QLocale("es_ES"), QLocale("es_MX"))
    assert voice_locale(available, "en") == QLocale("en_GB")
    assert voice_locale([QLocale("en_GB")], "es") is None  # no Spanish voice: keep the default


def test_day_names_and_times_follow_the_interface_language(qapp: QApplication) -> None:
    from PySide6.QtCore import QLocale, QTime

    try:
        install_translations(qapp, "es")
        assert QLocale().dayName(1) == "lunes"
        assert QLocale().toString(QTime(22, 30), QLocale.FormatType.ShortFormat) == "22:30"
        install_translations(qapp, "en")  # an English page shows English day names
        assert QLocale().dayName(1) == "Monday"
    finally:
        install_translations(qapp, "en")


def test_the_tray_menu_follows_a_language_change(qapp: QApplication) -> None:
    from guide.ui.reminder.tray import Tray

    tray = Tray()
    try:
        install_translations(qapp, "es")
        tray.retranslate()
        assert [a.text() for a in tray.actions()] == [
            "Empezar la rutina para dormir", "Calambre en la pantorrilla", "Abrir Stretch Guide",
            "Pausar los recordatorios un día", "Salir"]
    finally:
        install_translations(qapp, "en")
        tray.retranslate()
    assert tray.actions()[-1].text() == "Quit"
    tray.deleteLater()
