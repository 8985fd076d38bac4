"""Home's morning question after a bedtime routine: "How was last night?" with Log and Not now."""

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class DiaryPrompt(QFrame):
    log_requested = Signal(object)  # the night (datetime.date)
    dismissed = Signal()

    def __init__(self, night: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.night = night
        self.setObjectName("diaryPrompt")
        # Coloured as a notice by Home's style sheet (the theme's note colours).
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.question = QLabel(self.tr(
            "How was last night? You did the bedtime routine in the evening. Log the night in "
            "the cramp diary: over the weeks it shows you how your nights go."))
        self.question.setWordWrap(True)
        self.log_button = QPushButton(self.tr("&Log last night"))
        self.log_button.clicked.connect(lambda: self.log_requested.emit(self.night))
        self.later_button = QPushButton(self.tr("Not now"))
        self.later_button.clicked.connect(self.dismissed)
        layout = QHBoxLayout(self)
        layout.addWidget(self.question, 1)
        layout.addWidget(self.log_button)
        layout.addWidget(self.later_button)
