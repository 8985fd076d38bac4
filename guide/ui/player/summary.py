"""The panel at the end of a routine: how long, how many holds, and a one-tap "How did it feel?"."""

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from guide.core.routine.session import Summary
from guide.core.store.history import Feeling
from guide.ui.common import theme
from guide.ui.common.fonts import scaled
from guide.ui.player.parts import CONTROL_STYLE


class SummaryPanel(QWidget):
    feeling_chosen = Signal(str)  # a Feeling value
    done = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = QLabel(self.tr("Well done"))
        scaled(self._title, 2.4, bold=True)
        self._figures = QLabel()
        scaled(self._figures, 1.6)
        self._text = QLabel()
        self._text.setWordWrap(True)
        scaled(self._text, 1.2)
        self._note = QLabel()
        self._note.setWordWrap(True)
        self.tips = QLabel()
        self.tips.setObjectName("summaryTips")
        self.tips.setWordWrap(True)
        self.tips.setTextFormat(Qt.TextFormat.RichText)
        scaled(self.tips, 1.1)
        self._question = QLabel(self.tr("How did it feel? (optional)"))
        scaled(self._question, 1.2)
        self._thanks = QLabel()
        # Translators: how the routine felt: good, okay (so-so) or hard; not button labels
        labels = {Feeling.GOOD: self.tr("Good"), Feeling.OK: self.tr("OK"),
                  Feeling.HARD: self.tr("Hard")}
        feelings = QHBoxLayout()
        feelings.addStretch()
        self._feeling_buttons: list[QPushButton] = []
        for feeling, label in labels.items():
            button = QPushButton(label)
            button.setAccessibleName(self.tr("Felt: {label}").format(label=label))
            button.setCheckable(True)
            button.setObjectName("control")
            button.setAutoDefault(True)  # Enter chooses the focused feeling
            scaled(button, 1.3)
            button.clicked.connect(lambda _=False, f=feeling: self._choose(f))
            feelings.addWidget(button)
            self._feeling_buttons.append(button)
        feelings.addStretch()
        width = max(b.fontMetrics().horizontalAdvance(b.text()) for b in self._feeling_buttons)
        for button in self._feeling_buttons:
            button.setMinimumWidth(width + button.fontMetrics().height() * 3)
        self._done = QPushButton(self.tr("Done"))
        self._done.setAccessibleDescription(self.tr("Close the player"))
        self._done.setDefault(True)
        self._done.setObjectName("control")
        scaled(self._done, 1.3)
        self._done.clicked.connect(self.done)

        layout = QVBoxLayout(self)
        layout.addStretch(2)
        for widget in (self._title, self._figures, self._text, self._note):
            widget.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            layout.addWidget(widget)
        self.tips.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.tips)
        layout.addSpacing(self.fontMetrics().height() * 2)
        self._question.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self._question)
        layout.addLayout(feelings)
        self._thanks.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self._thanks)
        layout.addStretch(1)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(self._done)
        row.addStretch()
        layout.addLayout(row)
        layout.addStretch(2)
        theme.styled(self, CONTROL_STYLE)  # the player's buttons, with a visible focus ring

    def show_summary(self, summary: Summary, finish_text: str = "", note: str = "",
                     tips: list[str] | None = None) -> None:
        self._figures.setText(summary.text())
        if tips:
            lines = "".join(f"<br>• {escape(t)}" for t in tips)
            heading = self.tr("What helps now")
            self.tips.setText(f"<b>{escape(heading)}</b>{lines}")
        else:
            self.tips.clear()
        self.tips.setVisible(bool(tips))
        self._text.setText(finish_text)
        self._text.setVisible(bool(finish_text))
        self._note.setText(note)
        self._note.setVisible(bool(note))
        self._thanks.clear()
        for button in self._feeling_buttons:
            button.setChecked(False)
        self._done.setFocus()

    def focus_done(self) -> None:
        """Put the keyboard on "Done" (the default button: Enter presses it)."""
        self._done.setFocus(Qt.FocusReason.OtherFocusReason)

    def _choose(self, feeling: Feeling) -> None:
        for button, value in zip(self._feeling_buttons, Feeling, strict=True):
            button.setChecked(value is feeling)
        self._thanks.setText(self.tr("Thanks, noted."))
        self.feeling_chosen.emit(str(feeling))
