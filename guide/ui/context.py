"""Objects the app shares between windows: the catalogue and the settings store."""

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from guide.core import settings as core_settings
from guide.core.catalog import Catalog


class SettingsStore(QObject):
    """The user's settings plus a `changed` signal; every save is atomic."""

    changed = Signal()

    def __init__(self, path: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._path = path or core_settings.settings_path()
        loaded = core_settings.load(self._path)
        self.settings = loaded.settings
        self.load_message = loaded.message
        self.save_error: str | None = None

    def save(self) -> None:
        try:
            core_settings.save(self.settings, self._path)
            self.save_error = None
        except OSError as exc:
            # Keep running with the values in memory; the window shows the message.
            self.save_error = self.tr("Could not save settings: {0}").format(exc.strerror or exc)
        self.changed.emit()


class AppContext:
    """What the main window needs: content, settings, and the history once it exists."""

    def __init__(self, catalog: Catalog, store: SettingsStore) -> None:
        self.catalog = catalog
        self.store = store
