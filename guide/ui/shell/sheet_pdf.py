"""The printable sheet written without a window, for ``stretch-guide sheet ROUTINE --pdf FILE``."""

import os
from pathlib import Path

from guide.core.content.catalog import Catalog
from guide.core.content.model import Routine


def save_sheet_pdf(routine: Routine, catalog: Catalog, pdf: Path) -> int:
    """Write ``routine``'s sheet to ``pdf`` and return its page count; OSError when it cannot."""
    # Laying out text needs a QGuiApplication, not a screen: the offscreen platform always works.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from guide.core import i18n
    from guide.ui.common.sheet import Sheet
    from guide.ui.common.translator import install_translations

    app = QGuiApplication.instance() or QGuiApplication(["stretch-guide"])
    install_translations(app, i18n.language())  # the language the command line chose
    pages = Sheet(routine, catalog).write_pdf(pdf)
    del app
    if not pdf.is_file() or pdf.stat().st_size == 0:
        raise OSError  # Qt reports no reason (a folder in the way, no permission)
    return pages
