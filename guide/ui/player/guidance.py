"""What the player says besides the steps: the get-ready briefing (tips and every caution of the
routine) and the cautions dialog that C opens during a stretch."""

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from guide.core.routine.guidance import StretchCautions
from guide.ui.common.fonts import scaled


def _list(texts: list[str] | tuple[str, ...]) -> str:
    return "<ul>" + "".join(f"<li>{escape(t)}</li>" for t in texts) + "</ul>"


def cautions_html(groups: list[StretchCautions], named: bool = True) -> str:
    parts = []
    for group in groups:
        if named:
            parts.append(f"<p style='margin-bottom: 0'><b>{escape(group.name)}</b></p>")
        parts.append(_list(group.cautions))
    return "".join(parts)


class Briefing(QWidget):
    """The get-ready screen's text: the routine's tips and the cautions of its stretches.

    It stands where the picture goes; the player keeps the keyboard focus (Space, arrows), and
    the view scrolls it with Up, Down, Page Up and Page Down.
    """

    def __init__(self, tips: list[str], cautions: list[StretchCautions],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # A tip that repeats a caution listed above it is said once, as the caution.
        listed = {c.strip() for group in cautions for c in group.cautions}
        tips = [tip for tip in tips if tip.strip() not in listed]
        self.browser = QTextBrowser()
        self.browser.setObjectName("briefing")
        self.browser.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.browser.setOpenLinks(False)
        scaled(self.browser, 1.1)
        self.browser.setAccessibleName(self.tr("Before you start"))
        heading = self.tr("Before you start")
        pause = self.tr("Press Space to pause while you read.")
        care, tips_heading = self.tr("Take care"), self.tr("Tips")
        parts = [f"<h2>{escape(heading)}</h2>", f"<p><i>{escape(pause)}</i></p>"]
        if cautions:
            parts.append(f"<h3>{escape(care)}</h3>")
            parts.append(cautions_html(cautions))
        if tips:
            parts.append(f"<h3>{escape(tips_heading)}</h3>")
            parts.append(_list(tips))
        self.browser.setHtml("".join(parts))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser, 1)
        self.tips = list(tips)
        self.cautions = list(cautions)

    @property
    def is_empty(self) -> bool:
        return not self.tips and not self.cautions

    def text(self) -> str:
        return self.browser.toPlainText()

    def scroll_by(self, steps: int) -> None:
        bar = self.browser.verticalScrollBar()
        bar.setValue(bar.value() + steps * bar.singleStep() * 3)


class CautionsDialog(QDialog):
    """Every caution of the current stretch (or of the whole routine between stretches)."""

    def __init__(self, title: str, groups: list[StretchCautions],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Cautions"))
        heading = QLabel(title)
        scaled(heading, 1.4, bold=True)
        heading.setWordWrap(True)
        self.text = QLabel(cautions_html(groups, named=len(groups) > 1) if groups else
                           escape(self.tr("This routine has no special cautions. Stretch to a "
                                          "mild pull, never to pain.")))
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setWordWrap(True)
        scaled(self.text, 1.2)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                          | Qt.TextInteractionFlag.TextSelectableByMouse)
        hint = QLabel(self.tr("The routine waits while this is open."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.text, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 70,
                    self.sizeHint().height())

    def plain_text(self) -> str:
        from PySide6.QtGui import QTextDocument

        doc = QTextDocument()
        doc.setHtml(self.text.text())
        return doc.toPlainText()
