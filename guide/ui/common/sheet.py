"""A routine on paper: pictures, steps, doses, cautions, tips and sources on one or two pages.

The sheet is a QTextDocument (rich text that paginates itself) written through QPdfWriter or
printed through QtPrintSupport. It needs a QGuiApplication but no window, so the command line
can write it too (``stretch-guide sheet ROUTINE --pdf FILE``).
"""

from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSize, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from guide.core.content.catalog import Catalog
from guide.core.content.model import Routine, RoutineItem, Stretch
from guide.core.i18n import short_duration
from guide.core.routine.guidance import routine_sources
from guide.core.routine.plan import build_plan
from guide.ui.common import theme
from guide.ui.common.svg import load_svg

PICTURE = QSize(240, 180)  # pixels of the rendered picture; drawn about 32 mm wide
RESOLUTION = 96  # dots per inch the document is laid out for, so sizes in px read as on screen
MARGIN_MM = 14


def _list(texts: list[str], ordered: bool = False) -> str:
    tag = "ol" if ordered else "ul"
    body = "".join(f"<li>{escape(t)}</li>" for t in texts)
    return f"<{tag} style='margin-top: 2px; margin-bottom: 2px'>{body}</{tag}>"


def _picture(path: Path) -> QImage | None:
    if path.suffix.lower() != ".svg":
        image = QImage(str(path))
        return None if image.isNull() else image.scaled(
            PICTURE, Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation)
    renderer = load_svg(path)  # small and self-contained, like every picture the app draws
    if renderer is None:
        return None
    image = QImage(PICTURE, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(theme.PAPER))
    view = renderer.viewBoxF().size()
    fitted = view.scaled(PICTURE.toSizeF(), Qt.AspectRatioMode.KeepAspectRatio) \
        if not view.isEmpty() else PICTURE.toSizeF()
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    x = (PICTURE.width() - fitted.width()) / 2
    y = (PICTURE.height() - fitted.height()) / 2
    renderer.render(painter, QRectF(x, y, fitted.width(), fitted.height()))
    painter.end()
    return image


def dose_text(item: RoutineItem, stretch: Stretch | None) -> str:
    """How long and how often, in words: "Hold 30 s, 3 times on each side, 10 s rest between"."""
    if stretch is None:
        seconds = short_duration(item.hold or 30)
        reps = item.reps or 1
        if reps > 1:
            text = QCoreApplication.translate("Sheet", "{time}, {reps} times")
            return text.format(time=seconds, reps=reps)
        return seconds
    hold = short_duration(item.hold or stretch.hold)
    reps = item.reps or stretch.reps
    rest = stretch.rest if item.rest is None else item.rest
    if item.until_eased:
        text = QCoreApplication.translate(
            "Sheet", "Hold {hold}; repeat up to {reps} times until the cramp eases.")
        return text.format(hold=hold, reps=reps)
    # "each side", never the stretch's own word ("leg") glued into a translated sentence.
    both = stretch.per_side and item.sides in (None, "both")
    if both and reps > 1 and rest:
        text = QCoreApplication.translate(
            "Sheet", "Hold {hold}, {reps} times on each side, with {rest} rest between.")
    elif both and reps > 1:
        text = QCoreApplication.translate("Sheet", "Hold {hold}, {reps} times on each side.")
    elif both:
        text = QCoreApplication.translate("Sheet", "Hold {hold} on each side.")
    elif reps > 1 and rest:
        text = QCoreApplication.translate(
            "Sheet", "Hold {hold}, {reps} times, with {rest} rest between.")
    elif reps > 1:
        text = QCoreApplication.translate("Sheet", "Hold {hold}, {reps} times.")
    else:
        text = QCoreApplication.translate("Sheet", "Hold {hold}.")
    return text.format(hold=hold, reps=reps, rest=short_duration(rest or 0))


class Sheet:
    """The printable document for ``routine``; ``document`` is ready to print or save."""

    def __init__(self, routine: Routine, catalog: Catalog) -> None:
        self.routine = routine
        self._catalog = catalog
        self.document = QTextDocument()
        self.document.setDocumentMargin(0)
        font = self.document.defaultFont()
        font.setPointSizeF(9.5)
        self.document.setDefaultFont(font)
        self.document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle,
                                         routine.name)
        self._pictures = 0
        self.document.setHtml(self.html())
        # Paginated by us, so printing uses our margins instead of adding 2 cm of its own.
        self.document.setPageSize(
            self.page_layout().paintRectPixels(RESOLUTION).size().toSizeF())

    def _image(self, relative: str | None) -> str:
        """An <img> for a media path, or an empty string when there is no picture."""
        path = self._catalog.media_path(relative) if relative else None
        image = _picture(path) if path else None
        if image is None:
            return ""
        self._pictures += 1
        url = f"sheet://picture/{self._pictures}"
        self.document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(url), image)
        width, height = PICTURE.width() * 2 // 3, PICTURE.height() * 2 // 3
        return f"<img src='{url}' width='{width}' height='{height}'>"

    def html(self) -> str:
        routine, stretches = self.routine, self._catalog.stretches
        plan = build_plan(routine, stretches)
        time = QCoreApplication.translate("Sheet", "Time: about {time}.")
        tips = QCoreApplication.translate("Sheet", "Tips")
        sources_heading = QCoreApplication.translate("Sheet", "Sources")
        advice = QCoreApplication.translate(
            "Sheet", "General information, not medical advice. Stretch to a mild pull, never to "
            "pain. Stop at once for sharp pain, numbness, tingling or dizziness, and ask a doctor "
            "when cramps are frequent, severe or do not get better.")
        parts = [
            f"<h1 style='font-size: 16pt; margin-bottom: 2px'>{escape(routine.name)}</h1>",
            f"<p style='margin-top: 0'>{escape(routine.description)}<br>"
            + escape(time.format(time=short_duration(plan.total_seconds))) + "</p>",
        ]
        if routine.prepare_text:
            parts.append(f"<p><i>{escape(routine.prepare_text)}</i></p>")
        parts.append("<table cellspacing='0' cellpadding='5' width='100%' "
                     "style='border-collapse: collapse'>")
        for number, item in enumerate(routine.items, start=1):
            parts.append(self._item_row(number, item, stretches.get(item.stretch or "")))
        parts.append("</table>")
        if routine.tips:
            parts.append(f"<h2 style='font-size: 12pt'>{escape(tips)}</h2>")
            parts.append(_list(list(routine.tips)))
        if routine.finish_text:
            parts.append(f"<p>{escape(routine.finish_text)}</p>")
        sources = routine_sources(routine, stretches)
        if sources:
            parts.append(f"<h2 style='font-size: 11pt'>{escape(sources_heading)}</h2>")
            items = "".join(
                f"<li>{escape(s.title)}, {escape(s.publisher)}: "
                f"<a href='{escape(s.url, quote=True)}'>{escape(s.url)}</a></li>"
                for s in sources)
            parts.append(f"<ul style='font-size: 8pt'>{items}</ul>")
        parts.append(f"<p style='font-size: 8pt; color: {theme.PAPER_NOTE}'>"
                     f"{escape(advice)}</p>")
        return "".join(parts)

    def _item_row(self, number: int, item: RoutineItem, stretch: Stretch | None) -> str:
        name = stretch.name if stretch is not None else (item.action or "")
        art = item.illustration or (stretch.illustrations[0] if stretch and
                                    stretch.illustrations else None)
        text = [f"<b style='font-size: 11pt'>{number}. {escape(name)}</b>"
                f"<br><b>{escape(dose_text(item, stretch))}</b>"]
        if item.text:
            text.append(f"<br>{escape(item.text)}")
        if stretch is not None:
            text.append(_list([s.text for s in stretch.steps], ordered=True))
            if stretch.cautions:
                label = escape(QCoreApplication.translate("Sheet", "Caution:"))
                text.append("".join(f"<p style='margin: 0; color: {theme.PAPER_CAUTION}'>"
                                    f"<b>{label}</b> "
                                    f"{escape(c)}</p>" for c in stretch.cautions))
        rule = f"border-top: 1px solid {theme.PAPER_RULE}"
        return (f"<tr><td width='170' valign='top' style='{rule}'>"
                f"{self._image(art)}</td><td valign='top' style='{rule}'>"
                f"{''.join(text)}</td></tr>")

    def page_layout(self) -> QPageLayout:
        return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                           QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                           QPageLayout.Unit.Millimeter)

    def write_pdf(self, path: Path) -> int:
        """Write the sheet as a PDF at ``path``; returns the number of pages."""
        writer = QPdfWriter(str(path))
        writer.setResolution(RESOLUTION)
        writer.setPageLayout(self.page_layout())
        writer.setTitle(self.routine.name)
        writer.setCreator("Stretch Guide")
        self.document.print_(writer)
        return self.page_count()

    def page_count(self) -> int:
        return self.document.pageCount()
