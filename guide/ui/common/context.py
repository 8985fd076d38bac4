"""Objects the app shares between windows: the settings store, the catalogue and its summary."""

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QObject, Signal, Slot

from guide.core.routine.summary import Summary, load_unchecked, load_with_summary, summarize
from guide.core.store import settings as core_settings
from guide.core.store.files import read_user_file

if TYPE_CHECKING:
    from guide.core.content.catalog import Catalog


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
        self._known = self._read_raw()  # the file as we last read or wrote it
        self._watcher: QFileSystemWatcher | None = None

    def _read_raw(self) -> bytes | None:
        try:
            return read_user_file(self._path, core_settings.MAX_BYTES)
        except OSError:
            return None

    def watch(self) -> None:
        """Pick up changes made outside the app (`stretch-guide reminder set` while it runs).

        The folder is watched, not the file: saves replace the file by renaming over it.
        """
        if self._watcher is not None:
            return
        self._path.parent.mkdir(parents=True, exist_ok=True)
        self._watcher = QFileSystemWatcher([str(self._path.parent)], self)
        self._watcher.directoryChanged.connect(self._on_folder_changed)

    @Slot()
    def _on_folder_changed(self) -> None:
        raw = self._read_raw()
        if raw is None or raw == self._known:
            return
        loaded = core_settings.load(self._path)
        self._known = self._read_raw()
        if loaded.message:
            self.load_message = loaded.message
            return
        for name in core_settings.Settings.FIELDS:
            setattr(self.settings, name, getattr(loaded.settings, name))
        self.changed.emit()

    def save(self) -> None:
        try:
            core_settings.save(self.settings, self._path)
            self._known = self._read_raw()
            self.save_error = None
        except OSError as exc:
            # Keep running with the values in memory; the window shows the message.
            self.save_error = self.tr("Could not save settings: {error}").format(
                error=exc.strerror or exc)
        self.changed.emit()


class AppContext:
    """What the main window needs: settings, and the content.

    Home is drawn from ``summary`` (cached, cheap); the full catalogue is loaded on first use,
    which the window arranges for right after its first paint: as last cached, when there is a
    cache for this version and language (``unchecked`` is then the content key it was cached
    under, for :class:`guide.ui.common.content_check.ContentCheck`), or else from the files.
    """

    def __init__(self, catalog: "Catalog | None", store: SettingsStore,
                 summary: Summary | None = None) -> None:
        self.store = store
        self._catalog = catalog
        self.unchecked: str | None = None
        self.summary = summary if summary is not None else summarize(self.catalog)

    @property
    def catalog(self) -> "Catalog":
        if self._catalog is None:
            cached = load_unchecked()
            if cached is None:
                self._catalog, self.summary = load_with_summary()
            else:
                self._catalog, self.summary, self.unchecked = cached
        return self._catalog

    def adopt(self, catalog: "Catalog", summary: Summary) -> None:
        """Use ``catalog``, loaded from the files because they changed since the cache."""
        self._catalog, self.summary, self.unchecked = catalog, summary, None

    def reload_content(self) -> None:
        """Load the content again (in another language, say) the next time it is used."""
        self._catalog, self.summary = load_with_summary()
        self.unchecked = None

    def refresh_summary(self) -> Summary:
        self.summary = summarize(self.catalog)
        return self.summary
