"""Which half of the thigh is cramping? Stretching the wrong side shortens the cramping muscle,
so Home asks before it starts a thigh routine."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from guide.ui.common.fonts import scaled

FRONT = "cramp-thigh"
BACK = "cramp-hamstring"


class ThighChoice(QDialog):
    """Two big buttons, front or back; ``chosen(routine_id)`` when one is picked."""

    chosen = Signal(str)

    def __init__(self, available: set[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Thigh cramp"))
        question = QLabel(self.tr("Which part of your thigh is cramping?"))
        scaled(question, 1.4, bold=True)
        question.setWordWrap(True)
        hint = QLabel(self.tr("Front: the quadriceps, above the knee. "
                              "Back: the hamstrings, behind the knee."))
        hint.setWordWrap(True)
        self.front_button = self._choice(self.tr("&Front of thigh"),
                                         self.tr("Stretch the quadriceps at the front"),
                                         FRONT, FRONT in available)
        self.back_button = self._choice(self.tr("&Back of thigh"),
                                        self.tr("Stretch the hamstrings at the back"),
                                        BACK, BACK in available)
        row = QHBoxLayout()
        row.addWidget(self.front_button)
        row.addWidget(self.back_button)
        cancel = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        cancel.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(hint)
        layout.addLayout(row)
        layout.addWidget(cancel)
        first = self.front_button if self.front_button.isEnabled() else self.back_button
        first.setDefault(True)
        first.setFocus()

    def _choice(self, text: str, description: str, routine_id: str,
                enabled: bool) -> QPushButton:
        button = QPushButton(text)
        scaled(button, 1.3)
        button.setMinimumHeight(button.fontMetrics().height() * 3)
        button.setAccessibleDescription(description)
        button.setToolTip(description)
        button.setEnabled(enabled)
        button.clicked.connect(lambda _=False: self._choose(routine_id))
        return button

    def _choose(self, routine_id: str) -> None:
        self.accept()
        self.chosen.emit(routine_id)
