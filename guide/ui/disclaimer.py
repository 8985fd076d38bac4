"""The first-run disclaimer, acknowledged once and kept in settings."""

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from guide.core import safety


class DisclaimerDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Before you start"))
        self.setModal(True)
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("<h2>Before you start</h2>"))
        layout.addWidget(heading)
        text = QLabel(safety.disclaimer())
        text.setWordWrap(True)
        text.setMinimumWidth(420)
        layout.addWidget(text)
        buttons = QDialogButtonBox()
        ok = buttons.addButton(self.tr("I understand"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setAccessibleName(self.tr("I understand the disclaimer"))
        ok.setDefault(True)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
