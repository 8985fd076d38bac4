"""Home: one click to the routine a person needs now, and every routine with its length."""

import itertools
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from guide.core.i18n import duration
from guide.core.routine.summary import RoutineInfo
from guide.ui.common import theme
from guide.ui.common.reflow import ReflowLayout
from guide.ui.shell.startup_qt import (
    SCROLL_BAR_ALWAYS_OFF,
    TAB_FOCUS,
    TEXT_BROWSER_INTERACTION,
    USER_ROLE,
    set_props,
)

if TYPE_CHECKING:
    from guide.core.content.catalog import Catalog
    from guide.ui.common.routine_detail import RoutineDetail
    from guide.ui.shell.thigh_choice import ThighChoice

THIGH = ("cramp-thigh", "cramp-hamstring")  # front, back


class HomePage(QWidget):
    start_requested = Signal(str)
    safety_requested = Signal()

    def __init__(self, routines: Sequence[RoutineInfo],
                 catalog: "Callable[[], Catalog] | None" = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._routines = {r.id: r for r in routines}
        self.thigh_choice: ThighChoice | None = None
        layout = self._layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(14)

        title = QLabel(self.tr("What do you need right now?"))
        title.setObjectName("title")
        layout.addWidget(title)

        grid = ReflowLayout(columns=True, spacing=12)  # two columns, or one when narrow
        quick = [
            ("cramp-calf", self.tr("Calf cramp now"), self.tr("Ease a cramping calf")),
            ("thigh", self.tr("Thigh cramp now"), self.tr("Front or back of the thigh")),
            ("warm-up", self.tr("Warm-up"), self.tr("Before a walk, run or sport")),
            ("bedtime", self.tr("Bedtime"), self.tr("Against night leg cramps")),
        ]
        self.quick_buttons: dict[str, QPushButton] = {}
        for routine_id, label, hint in quick:
            info = self._routines.get(routine_id)
            seconds = info.seconds if info else None
            text = f"{label}\n{hint}" + (f" · {duration(seconds)}" if seconds else "")
            button = QPushButton(text)
            button.setObjectName("quick")
            button.setAccessibleName(label)
            button.setAccessibleDescription(text.split("\n", 1)[1])  # the rest of what it shows
            button.setAutoDefault(True)  # Enter starts the focused card, like Space
            button.setMinimumHeight(84)
            if routine_id == "thigh":
                # Front or back: the dialog asks, so the cramping muscle is not shortened.
                button.setEnabled(any(r in self._routines for r in THIGH))
                button.clicked.connect(self.ask_thigh)
            else:
                button.setEnabled(info is not None)
                button.clicked.connect(
                    lambda _=False, r=routine_id: self.start_requested.emit(r))
            grid.addWidget(button)
            self.quick_buttons[routine_id] = button
        layout.addLayout(grid)

        safety = QLabel(self.tr(
            "Stretch gently: a mild pull, never pain. Stop at once for sharp pain, numbness, "
            "tingling or dizziness. <a href='safety'>When to see a doctor</a>"))
        safety.setObjectName("safetyNote")
        safety.setWordWrap(True)
        set_props(safety, textInteractionFlags=TEXT_BROWSER_INTERACTION)
        safety.linkActivated.connect(lambda _link: self.safety_requested.emit())
        theme.links_in(safety, "alarm_text")
        layout.addWidget(safety)

        heading = QLabel(self.tr("All routines"))
        heading.setObjectName("heading")
        layout.addWidget(heading)
        self.routine_list = QListWidget()
        self.routine_list.setObjectName("routines")
        self.routine_list.setAccessibleName(self.tr("All routines"))
        self.routine_list.setWordWrap(True)
        set_props(self.routine_list, horizontalScrollBarPolicy=SCROLL_BAR_ALWAYS_OFF)
        self.routine_list.itemActivated.connect(self._on_activated)
        self.routine_list.currentItemChanged.connect(self._on_current)
        self._catalog = catalog
        self._detail: RoutineDetail | None = None
        # The tips-and-sources pane is built after the first paint (see ``detail``).
        self._detail_slot = QWidget()
        slot = QVBoxLayout(self._detail_slot)
        slot.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.routine_list, 3)
        row.addWidget(self._detail_slot, 2)
        layout.addLayout(row, 1)
        how = QLabel(self.tr("Double-click a routine, or select it and press Enter, to start."))
        how.setObjectName("hint")
        layout.addWidget(how)
        self.refresh()

    def add_card(self, card: QWidget) -> None:
        """A notice under the title, such as the diary's morning question."""
        self._layout.insertWidget(1, card)
        # Tab reaches it where it is seen: before the quick buttons, not after the list.
        first: QWidget = next(iter(self.quick_buttons.values()))
        before = first
        while (earlier := before.previousInFocusChain()) not in (None, first):
            before = earlier
            if before.focusPolicy() & TAB_FOCUS:
                break
        chain = [before, *card.findChildren(QPushButton), first]
        for one, two in itertools.pairwise(chain):
            QWidget.setTabOrder(one, two)
        card.show()

    def refresh(self, routines: Sequence[RoutineInfo] | None = None) -> None:
        """Show ``routines`` (or the ones given before) in the list, relief first."""
        if routines is not None:
            self._routines = {r.id: r for r in routines}
        self.routine_list.clear()
        order = ["relief", "warm-up", "bedtime", "desk", "custom"]
        for routine in sorted(self._routines.values(),
                              key=lambda r: (order.index(r.kind) if r.kind in order else 9,
                                             r.name)):
            text = f"{routine.name}  ·  {duration(routine.seconds)}\n{routine.description}"
            item = QListWidgetItem(text)
            item.setData(USER_ROLE, routine.id)
            item.setToolTip(routine.description)
            self.routine_list.addItem(item)

    @Slot(QListWidgetItem)
    def _on_activated(self, item: QListWidgetItem) -> None:
        self.start_requested.emit(item.data(USER_ROLE))

    @property
    def detail(self) -> "RoutineDetail":
        """The selected routine's tips and sources, with "Print or save as PDF…"."""
        if self._detail is None:
            from guide.ui.common.routine_detail import RoutineDetail

            self._detail = RoutineDetail(self._catalog or _no_catalog)
            self._detail.setEnabled(self._catalog is not None)
            layout = self._detail_slot.layout()
            assert layout is not None
            layout.addWidget(self._detail)
        return self._detail

    @Slot(QListWidgetItem, QListWidgetItem)
    def _on_current(self, current: QListWidgetItem | None,
                    _previous: QListWidgetItem | None) -> None:
        info = self._routines.get(current.data(USER_ROLE)) if current is not None else None
        if info is None:
            if self._detail is not None:
                self._detail.show_routine(None)
            return
        self.detail.show_routine(info.id, info.name, info.tips, info.sources)

    @Slot()
    def ask_thigh(self) -> None:
        """Front or back of the thigh? The answer starts the matching relief routine."""
        from guide.ui.shell.thigh_choice import ThighChoice

        if self.thigh_choice is not None:
            self.thigh_choice.deleteLater()
        self.thigh_choice = ThighChoice({r for r in THIGH if r in self._routines}, self)
        self.thigh_choice.chosen.connect(self.start_requested)
        self.thigh_choice.open()


def _no_catalog() -> "Catalog":
    raise RuntimeError("Home was built without a catalogue")  # the button is disabled then


# Font sizes relative to the window's font (see guide.ui.common.fonts.font_rules).
FONTS = (("QLabel#title", 2.0, True), ("QPushButton#quick", 1.3, False),
         ("QLabel#heading", 1.3, True))

# Applied by the main window together with its own, so the window is styled in one pass.
STYLE = """
QLabel#title { color: $text; }
QLabel#heading { color: $text; margin-top: 8px; }
QLabel#hint { color: $muted; }
QLabel#safetyNote { background: $alarm; color: $alarm_text; padding: 8px 12px;
                    border-radius: 6px; }
QPushButton#quick { text-align: left; padding: 7px 15px; border-radius: 10px;
                    background: $accent; color: $on_accent; border: 3px solid $accent; }
QPushButton#quick:focus { border: 3px solid $focus; }
QPushButton#quick:hover { background: $accent_hover; }
QPushButton#quick:disabled { background: $disabled; color: $on_disabled; }
QListWidget#routines { background: $base; color: $base_text; }
QListWidget#routines::item { padding: 8px; border-bottom: 1px solid $border; color: $base_text; }
QListWidget#routines::item:selected { background: $accent; color: $on_accent; }
QListWidget#routines::item:focus { border: 2px solid $focus; }
QFrame#diaryPrompt { background: $note; border: 1px solid $note_border; border-radius: 6px; }
QFrame#diaryPrompt QLabel { color: $note_text; }
"""
