""""Print or save as PDF…": the button and menu that Home, My routines and the player share."""

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths, Signal
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QPushButton, QWidget

if TYPE_CHECKING:  # the content model loads after the first paint
    from guide.core.content.catalog import Catalog
    from guide.core.content.model import Routine



def _default_folder() -> Path:
    for location in (QStandardPaths.StandardLocation.DocumentsLocation,
                     QStandardPaths.StandardLocation.HomeLocation):
        folder = QStandardPaths.writableLocation(location)
        if folder and Path(folder).is_dir():
            return Path(folder)
    return Path.cwd()


class SheetButton(QPushButton):
    """A button whose menu saves the routine's sheet as a PDF or prints it.

    ``routine_getter`` says which routine (None: the button does nothing). ``ask_path`` and
    ``print_dialog`` are the two places that talk to the user; tests replace them.
    ``saved(path)`` after a PDF was written, ``about_to_act()`` before a dialog opens (the
    player pauses then).
    """

    saved = Signal(str)
    about_to_act = Signal()

    def __init__(self, catalog: Callable[[], "Catalog"],
                 routine_getter: Callable[[], "Routine | None"],
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Print or save as PDF…"), parent)
        self._catalog = catalog
        self._routine = routine_getter
        self.setToolTip(self.tr("A sheet of this routine for the fridge or your "
                                "physiotherapist: pictures, steps, doses, cautions, tips "
                                "and sources"))
        menu = QMenu(self)
        self.save_action = menu.addAction(self.tr("Save as PDF…"))
        self.save_action.triggered.connect(lambda _=False: self.save_pdf())
        self.print_action = menu.addAction(self.tr("Print…"))
        self.print_action.triggered.connect(lambda _=False: self.print_sheet())
        self.setMenu(menu)
        self.ask_path: Callable[[Path], Path | None] = self._ask_path

    def _ask_path(self, suggested: Path) -> Path | None:
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the routine as PDF"), str(suggested),
            self.tr("PDF files (*.pdf)"))
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")

    def save_pdf(self) -> Path | None:
        routine = self._routine()
        if routine is None:
            return None
        self.about_to_act.emit()
        path = self.ask_path(_default_folder() / f"{routine.id}.pdf")
        if path is None:
            return None
        from guide.ui.common.sheet import Sheet  # QtSvg and the PDF writer load on first use

        try:
            Sheet(routine, self._catalog()).write_pdf(path)
            written = path.is_file() and path.stat().st_size > 0
        except OSError:
            written = False
        if not written:
            QMessageBox.warning(self, self.tr("Could not save the PDF"), self.tr(
                "Could not write {path}. Choose another folder or file name.").format(
                path=str(path)))
            return None
        self.saved.emit(str(path))
        return path

    def print_sheet(self) -> None:
        routine = self._routine()
        if routine is None:
            return
        self.about_to_act.emit()
        try:
            from PySide6.QtPrintSupport import QPrintDialog, QPrinter
        except ImportError:
            QMessageBox.information(self, self.tr("Printing is not available"), self.tr(
                "Printing is not available on this computer. Save the sheet as a PDF and "
                "print that instead."))
            return
        from guide.ui.common.sheet import Sheet

        sheet = Sheet(routine, self._catalog())
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(sheet.page_layout())
        printer.setDocName(routine.name)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the routine"))
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            sheet.document.print_(printer)
