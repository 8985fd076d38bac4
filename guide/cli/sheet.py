"""``stretch-guide sheet ROUTINE --pdf FILE``: the printable sheet, written without a window."""

import sys
from pathlib import Path

from guide.core.content.catalog import Catalog
from guide.core.content.model import Routine
from guide.core.i18n import ntr, tr


def write_sheet(routine: Routine, catalog: Catalog, pdf: Path) -> int:
    """Write ``routine``'s sheet to ``pdf``; 0 on success, 1 (with a message) when it cannot."""
    from guide.ui.shell.sheet_pdf import save_sheet_pdf

    folder = pdf.resolve().parent
    if not folder.is_dir():
        sys.stderr.write(tr("{path}: no such folder").format(path=folder) + "\n")
        return 1
    try:
        pages = save_sheet_pdf(routine, catalog, pdf)
    except OSError as exc:
        message = tr("Could not write {path}: {error}") if exc.strerror else \
            tr("Could not write {path}.")
        sys.stderr.write(message.format(path=pdf, error=exc.strerror) + "\n")
        return 1
    message = ntr("Wrote {path} ({pages} page)", "Wrote {path} ({pages} pages)", pages)
    sys.stdout.write(message.format(path=pdf, pages=pages) + "\n")
    return 0
