"""The first-run disclaimer, acknowledged once and kept in settings."""

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from guide.core.content import safety


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
