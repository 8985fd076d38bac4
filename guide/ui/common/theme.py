"""Every colour the app draws, in one place, following the desktop's palette and colour scheme.

Text and backgrounds come from the palette Qt gives us (so a dark or high-contrast desktop is
honoured); the brand orange, the player's phase colours and the body map use a variant picked for
the scheme (light, dark, high contrast light or dark) so each pair meets WCAG 2.2 AA: 4.5:1 for
text, 3:1 for large text and for graphics a person needs (map outlines, the countdown ring).
Colours derived from the palette are nudged until they meet AA against it.

Widgets never write a colour: they ask :func:`current` or style themselves with :func:`styled`,
whose ``$name`` placeholders are the fields of :class:`Theme`. When the desktop switches scheme
the theme is recomputed and every styled widget restyled.
"""

import os
import re
import weakref
from string import Template
from typing import TYPE_CHECKING, NamedTuple

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QLabel, QWidget

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent

from guide.ui.common.colours import GRAPHIC, TEXT, Scheme, contrast, ensure_contrast, luminance, mix

MOON_SKY, MOON = "#2f5d8a", "#f4d35e"  # the drawn fallback icon (a picture, not text)
# The printed sheet, always on white paper: background, caution, small print, table rules.
PAPER, PAPER_CAUTION, PAPER_NOTE, PAPER_RULE = "#ffffff", "#8a1c0c", "#444444", "#999999"


# -- the theme ------------------------------------------------------------------------------------

# Per scheme: the brand orange as a filled control (with its text), as text or outline on the
# window, the player's phase colours, and the body map's drawing.
_VARIANTS: dict[Scheme, dict[str, str]] = {
    Scheme.LIGHT: dict(
        accent="#b3401b", on_accent="#ffffff", accent_hover="#9a3615", accent_text="#a63a17",
        disabled="#d5d9de", nav="#26323f", nav_text="#e8edf2",
        note="#fff4d6", note_text="#4a3b00", note_border="#b39520",
        alarm="#fdecea", alarm_text="#6b1d12", error="#b3261e",
        card="#ffffff", card_border="#8a94a3",
        map_body="#d9dde3", map_muscle="#f3f4f6", map_outline="#5c6673", map_selected="#b3401b",
        prepare="#8a5a00", hold="#0f6e62", rest="#2f5f99", switch="#6e44a0", done="#2b7a37",
        paused="#5f6670"),
    Scheme.DARK: dict(
        accent="#b3401b", on_accent="#ffffff", accent_hover="#c9491f", accent_text="#ff9a6e",
        disabled="#4a5058", nav="#1b1f23", nav_text="#e8edf2",
        note="#3d3411", note_text="#ffe9a8", note_border="#b39520",
        alarm="#4a1c16", alarm_text="#ffd9d2", error="#ff8a80",
        card="#f4f5f7", card_border="#8a94a3",
        map_body="#4a525c", map_muscle="#2a3037", map_outline="#b9c3cf", map_selected="#ff9a6e",
        prepare="#f0b454", hold="#4fc9b5", rest="#8fb5e8", switch="#c4a2ec", done="#7fd48a",
        paused="#b0b6be"),
    Scheme.HIGH_CONTRAST_LIGHT: dict(
        accent="#ffb38a", on_accent="#000000", accent_hover="#ffc9ab", accent_text="#8a2a0b",
        disabled="#ffffff", nav="#ffffff", nav_text="#000000",
        note="#ffffff", note_text="#000000", note_border="#000000",
        alarm="#ffffff", alarm_text="#000000", error="#8c0000",
        card="#ffffff", card_border="#000000",
        map_body="#ffffff", map_muscle="#ffffff", map_outline="#000000", map_selected="#8a2a0b",
        prepare="#5c3c00", hold="#004d44", rest="#1a3f6e", switch="#4b2a75", done="#1b5424",
        paused="#000000"),
    Scheme.HIGH_CONTRAST_DARK: dict(
        accent="#9a3412", on_accent="#ffffff", accent_hover="#b03c15", accent_text="#ffb38a",
        disabled="#000000", nav="#000000", nav_text="#ffffff",
        note="#000000", note_text="#ffffff", note_border="#ffffff",
        alarm="#000000", alarm_text="#ffffff", error="#ff9e9e",
        card="#ffffff", card_border="#ffffff",
        map_body="#000000", map_muscle="#000000", map_outline="#ffffff", map_selected="#ffb38a",
        prepare="#ffd36b", hold="#6ff0dc", rest="#a9cbff", switch="#dcc2ff", done="#9df0a8",
        paused="#ffffff"),
}


class Theme(NamedTuple):
    """Every colour of one scheme (a named tuple: a 38-field dataclass takes 5 ms to make)."""

    scheme: Scheme
    window: str  # page background
    text: str  # text on the window
    base: str  # lists, fields, the detail pane
    base_text: str
    muted: str  # secondary text (hints, doses) on window and base
    dim: str  # a muscle with no stretch: quieter than muted, still readable
    border: str  # frames of lists and panes
    field_border: str  # the edge of a text field or choice: 3:1, so it can be found
    focus: str  # focus ring: against the window and a filled accent control
    accent: str
    on_accent: str
    accent_hover: str
    accent_text: str  # the orange as text or outline on window and base
    disabled: str
    on_disabled: str
    nav: str  # the sidebar
    nav_text: str
    nav_focus: str
    note: str  # a warm box: banners, cautions
    note_text: str
    note_border: str
    alarm: str  # Home's safety note
    alarm_text: str
    error: str
    link: str  # links on the window and in lists
    card: str  # the light card illustrations are drawn on (they are drawn dark-on-light)
    card_border: str
    map_body: str
    map_muscle: str
    map_outline: str
    map_selected: str
    prepare: str
    hold: str
    rest: str
    switch: str
    done: str
    paused: str

    def css(self, template: str) -> str:
        """``template`` with every ``$name`` replaced by that colour."""
        return Template(template).substitute(
            {k: v for k, v in self._asdict().items() if k != "scheme"})

    def phase(self, kind: str) -> str:
        """The colour of a player segment kind ("prepare", "hold", "action", "rest", ...)."""
        return getattr(self, {"action": "hold"}.get(kind, kind), self.hold)

    def pairs(self) -> list[tuple[str, str, str, float]]:
        """Every foreground/background pair the app draws: (what, fg, bg, minimum ratio)."""
        p: list[tuple[str, str, str, float]] = []
        for bg in ("window", "base"):
            bg_colour = getattr(self, bg)
            p += [(f"muted on {bg}", self.muted, bg_colour, TEXT),
                  (f"dim on {bg}", self.dim, bg_colour, TEXT),
                  (f"accent text on {bg}", self.accent_text, bg_colour, TEXT),
                  (f"error on {bg}", self.error, bg_colour, TEXT),
                  (f"link on {bg}", self.link, bg_colour, TEXT),
                  (f"field edge on {bg}", self.field_border, bg_colour, GRAPHIC),
                  (f"focus ring on {bg}", self.focus, bg_colour, GRAPHIC)]
        p += [("text on window", self.text, self.window, TEXT),
              ("text on base", self.base_text, self.base, TEXT),
              ("text on accent", self.on_accent, self.accent, TEXT),
              ("text on accent (hover)", self.on_accent, self.accent_hover, TEXT),
              ("text on disabled card", self.on_disabled, self.disabled, TEXT),
              ("focus ring on accent", self.focus, self.accent, GRAPHIC),
              ("sidebar text", self.nav_text, self.nav, TEXT),
              ("sidebar selected", self.on_accent, self.accent, TEXT),
              ("sidebar focus ring", self.nav_focus, self.nav, GRAPHIC),
              ("sidebar focus ring on selected", self.nav_focus, self.accent, GRAPHIC),
              ("note text", self.note_text, self.note, TEXT),
              ("safety note text", self.alarm_text, self.alarm, TEXT),
              ("map outline on muscle", self.map_outline, self.map_muscle, GRAPHIC),
              ("map outline on body", self.map_outline, self.map_body, GRAPHIC),
              ("map selected on muscle", self.map_selected, self.map_muscle, GRAPHIC),
              ("printed caution", PAPER_CAUTION, PAPER, TEXT),
              ("printed small print", PAPER_NOTE, PAPER, TEXT)]
        for kind in ("prepare", "hold", "rest", "switch", "done", "paused"):
            # The caption under the digits is small text in the phase colour; the ring too.
            p.append((f"{kind} caption and ring", getattr(self, kind), self.window, TEXT))
        return p  # the countdown's digits and the map's focus ring are text on the window


def scheme_of(palette: QPalette, dark_hint: bool | None = None, high_contrast: bool = False
              ) -> Scheme:
    """The scheme ``palette`` shows. A black-on-white or white-on-black palette, or the
    desktop's contrast preference, means high contrast; otherwise the darker of window and text
    decides, with the desktop's colour scheme breaking a tie."""
    window = palette.color(QPalette.ColorRole.Window).name()
    text = palette.color(QPalette.ColorRole.WindowText).name()
    dark = luminance(window) < luminance(text)
    if abs(luminance(window) - luminance(text)) < 0.2 and dark_hint is not None:
        dark = dark_hint
    if high_contrast or contrast(window, text) >= 19.0:
        return Scheme.HIGH_CONTRAST_DARK if dark else Scheme.HIGH_CONTRAST_LIGHT
    return Scheme.DARK if dark else Scheme.LIGHT


def theme_for(palette: QPalette, scheme: Scheme) -> Theme:
    """The theme for ``palette`` shown in ``scheme``."""
    v = _VARIANTS[scheme]
    role = QPalette.ColorRole
    window = palette.color(role.Window).name()
    base = palette.color(role.Base).name()
    text = ensure_contrast(palette.color(role.WindowText).name(), (window,), TEXT)
    base_text = ensure_contrast(palette.color(role.Text).name(), (base,), TEXT)
    both = (window, base)
    muted = ensure_contrast(mix(text, window, 0.3), both, TEXT)
    dim = ensure_contrast(mix(text, window, 0.45), both, TEXT)
    accent_text = ensure_contrast(v["accent_text"], both, TEXT)
    error = ensure_contrast(v["error"], both, TEXT)
    focus = text if contrast(text, v["accent"]) >= GRAPHIC else v["on_accent"]
    focus = ensure_contrast(focus, (window,), GRAPHIC)
    nav_focus = v["nav_text"] if contrast(v["nav_text"], v["accent"]) >= GRAPHIC \
        else v["on_accent"]
    phases = {k: ensure_contrast(v[k], (window,), TEXT)
              for k in ("prepare", "hold", "rest", "switch", "done", "paused")}
    on_disabled = ensure_contrast(mix(text, v["disabled"], 0.3), (v["disabled"],), TEXT)
    return Theme(
        scheme=scheme, window=window, text=text, base=base, base_text=base_text, muted=muted,
        dim=dim, border=mix(text, window, 0.7), focus=focus,
        field_border=ensure_contrast(mix(text, window, 0.5), both, GRAPHIC), accent=v["accent"],
        on_accent=v["on_accent"], accent_hover=v["accent_hover"], accent_text=accent_text,
        disabled=v["disabled"], on_disabled=on_disabled, nav=v["nav"], nav_text=v["nav_text"],
        nav_focus=nav_focus, note=v["note"], note_text=v["note_text"],
        note_border=v["note_border"], alarm=v["alarm"], alarm_text=v["alarm_text"], error=error,
        link=ensure_contrast(palette.color(role.Link).name(), both, TEXT),
        card=v["card"], card_border=v["card_border"], map_body=v["map_body"],
        map_muscle=v["map_muscle"], map_outline=v["map_outline"],
        map_selected=v["map_selected"], **phases)


# The body-map drawings' own colours, and the theme colour each is drawn in instead.
_BODY_MAP_COLOURS = {"#f3f4f6": "map_muscle", "#9aa3b0": "map_outline", "#d9dde3": "map_body"}


def recolour_body_map(svg: bytes, theme: Theme) -> bytes:
    """The body-map drawing ``svg`` in ``theme``'s colours (outlines at 3:1 or more)."""
    text = svg.decode("utf-8")
    for source, name in _BODY_MAP_COLOURS.items():
        text = text.replace(f'"{source}"', f'"{getattr(theme, name)}"')
    return text.encode("utf-8")


# -- sample palettes (forced schemes for screenshots, tests and STRETCH_GUIDE_THEME) -----------

_PALETTES: dict[Scheme, dict[str, str]] = {
    Scheme.LIGHT: dict(Window="#efefef", WindowText="#000000", Base="#ffffff",
                       AlternateBase="#f7f7f7", Text="#000000", Button="#efefef",
                       ButtonText="#000000", Highlight="#308cc6", HighlightedText="#ffffff",
                       Link="#0000ff", PlaceholderText="#5c5c5c", ToolTipBase="#ffffdc",
                       ToolTipText="#000000", Mid="#b8b8b8"),
    # KDE Breeze Dark
    Scheme.DARK: dict(Window="#31363b", WindowText="#eff0f1", Base="#232629",
                      AlternateBase="#31363b", Text="#eff0f1", Button="#31363b",
                      ButtonText="#eff0f1", Highlight="#3daee9", HighlightedText="#eff0f1",
                      Link="#1d99f3", PlaceholderText="#a1a9b1", ToolTipBase="#31363b",
                      ToolTipText="#eff0f1", Mid="#4f575f"),
    Scheme.HIGH_CONTRAST_LIGHT: dict(Window="#ffffff", WindowText="#000000", Base="#ffffff",
                                     AlternateBase="#ffffff", Text="#000000",
                                     Button="#ffffff", ButtonText="#000000",
                                     Highlight="#000080", HighlightedText="#ffffff",
                                     Link="#00009f", PlaceholderText="#000000",
                                     ToolTipBase="#ffffff", ToolTipText="#000000",
                                     Mid="#000000"),
    Scheme.HIGH_CONTRAST_DARK: dict(Window="#000000", WindowText="#ffffff", Base="#000000",
                                    AlternateBase="#000000", Text="#ffffff", Button="#000000",
                                    ButtonText="#ffffff", Highlight="#1aebff",
                                    HighlightedText="#000000", Link="#ffff00",
                                    PlaceholderText="#ffffff", ToolTipBase="#000000",
                                    ToolTipText="#ffffff", Mid="#ffffff"),
}


def sample_palette(scheme: Scheme) -> QPalette:
    """A typical desktop palette for ``scheme`` (Fusion light, Breeze Dark, high contrast)."""
    palette, colours = QPalette(), _PALETTES[scheme]
    disabled = QColor(mix(colours["WindowText"], colours["Window"], 0.4))
    for role, colour in colours.items():
        palette.setColor(getattr(QPalette.ColorRole, role), QColor(colour))
        if role in ("WindowText", "Text", "ButtonText"):
            palette.setColor(QPalette.ColorGroup.Disabled, getattr(QPalette.ColorRole, role),
                             disabled)
    return palette


def force_scheme(scheme: Scheme) -> None:
    """Show the app in ``scheme`` whatever the desktop says (Fusion style, sample palette)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    global _hints
    QApplication.setStyle("Fusion")
    QApplication.setPalette(sample_palette(scheme))
    QGuiApplication.styleHints().setColorScheme(
        Qt.ColorScheme.Dark if scheme.dark else Qt.ColorScheme.Light)
    _hints = (scheme.dark, scheme.high_contrast)
    refresh()


def release_scheme() -> None:
    """Undo :func:`force_scheme`'s colour-scheme hint (the palette is the caller's to restore)."""
    global _hints
    QGuiApplication.styleHints().unsetColorScheme()
    _hints = (None, False)
    refresh()


def force_from_environment() -> None:
    """``STRETCH_GUIDE_THEME=dark`` (or light, high-contrast-light, high-contrast-dark)."""
    name = os.environ.get("STRETCH_GUIDE_THEME", "")
    if name in {s.value for s in Scheme}:
        force_scheme(Scheme(name))


# -- the current theme, and restyling when the desktop changes it --------------------------------

class ThemeWatcher(QObject):
    changed = Signal()

    def eventFilter(self, watched: QObject, event: "QEvent") -> bool:
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.PaletteChange:
            refresh()  # the desktop's palette changed (a scheme switch): recolour everything
        return False


_current: Theme | None = None
_hints: tuple[bool | None, bool] = (None, False)  # (dark, high contrast) from the desktop
_watcher: ThemeWatcher | None = None
_styled: weakref.WeakKeyDictionary[QWidget, str] = weakref.WeakKeyDictionary()
_links: weakref.WeakKeyDictionary[QWidget, str] = weakref.WeakKeyDictionary()


def current() -> Theme:
    """The theme of the running application (computed once, again after a palette change)."""
    global _current
    if _current is None:
        palette = QGuiApplication.palette()
        _current = theme_for(palette, scheme_of(palette, *_hints))
    return _current


def watcher() -> ThemeWatcher:
    """An object whose ``changed`` signal fires after the theme changed (for painted widgets)."""
    global _watcher
    if _watcher is None:
        _watcher = ThemeWatcher(QGuiApplication.instance())
    return _watcher


def follow_desktop(window: QWidget) -> None:
    """Take the desktop's colour scheme, contrast preference and palette into account, now and
    when they change. Call it once ``window`` (the main window) is on screen: the hints are Qt
    enums, and PySide6 builds its ``Qt`` namespace on first use (40-90 ms here)."""
    from PySide6.QtCore import Qt

    window.installEventFilter(watcher())
    hints = QGuiApplication.styleHints()

    def read(*_args: object) -> None:
        global _hints
        scheme = hints.colorScheme()
        dark = None if scheme == Qt.ColorScheme.Unknown else scheme == Qt.ColorScheme.Dark
        high = hints.accessibility().contrastPreference() == Qt.ContrastPreference.HighContrast
        _hints = (dark, high)
        refresh()

    if not watcher().property("following"):  # connect once per application
        watcher().setProperty("following", True)
        hints.colorSchemeChanged.connect(read)
        hints.accessibility().contrastPreferenceChanged.connect(read)
    read()


def styled(widget: QWidget, template: str) -> None:
    """Give ``widget`` the style sheet ``template`` in the current colours, now and after
    every theme change."""
    _styled[widget] = template
    widget.setStyleSheet(current().css(template))


def links_in(widget: QWidget, colour: str = "link") -> None:
    """Draw the links in ``widget``'s rich text in the theme colour ``colour`` (a field name:
    "link", or "alarm_text" on the safety note), now and after every theme change (and after
    a label's ``setText``, called again)."""
    _links[widget] = colour
    _set_link(widget, colour)


def _set_link(widget: QWidget, colour: str) -> None:
    value = getattr(current(), colour)
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.Link, QColor(value))
    widget.setPalette(palette)
    if isinstance(widget, QLabel) and "<a " in widget.text():
        # A label draws links in the application's colour whatever its palette: colour the links.
        widget.setText(_LINK_START.sub(f"<a style='color:{value}' ", widget.text()))


_LINK_START = re.compile(r"<a (?:style='color:#[0-9a-fA-F]{6}' )?")


def refresh() -> None:
    """Recompute the theme (after a palette or scheme change); restyle if it changed."""
    global _current
    before, _current = _current, None
    theme = current()
    if theme == before:
        return
    for widget, template in list(_styled.items()):
        if shiboken6.isValid(widget):
            widget.setStyleSheet(theme.css(template))
    for widget, colour in list(_links.items()):
        if shiboken6.isValid(widget):
            _set_link(widget, colour)
    if _watcher is not None:
        _watcher.changed.emit()
