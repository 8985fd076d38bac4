"""The first-run disclaimer, acknowledged once and kept in settings."""

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from guide.core.content import safety

if TYPE_CHECKING:
    from guide.ui.common.context import SettingsStore


def ask_once(parent: QWidget, store: "SettingsStore") -> "DisclaimerDialog | None":
    """The disclaimer, opened over ``parent`` until the user has acknowledged it once."""
    if store.settings.disclaimer_accepted:
        return None
    dialog = DisclaimerDialog(parent)

    def accepted() -> None:
        store.settings.disclaimer_accepted = True
        store.save()

    dialog.accepted.connect(accepted)
    dialog.open()
    return dialog


class DisclaimerDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Before you start"))
        self.setModal(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        heading = QLabel(self.tr("<h2>Before you start</h2>"))
        layout.addWidget(heading)
        text = QLabel(safety.disclaimer())
        text.setWordWrap(True)
        text.setMinimumWidth(460)
        layout.addWidget(text)
        buttons = QDialogButtonBox()
        ok = buttons.addButton(self.tr("I understand"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setAccessibleName(self.tr("I understand the disclaimer"))
        ok.setDefault(True)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
