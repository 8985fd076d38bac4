"""argparse's own words (usage, options, errors) through the app's catalogue.

argparse asks gettext's global domain, which knows nothing of this app; its messages the user
may see are listed here so extraction finds them, and :func:`install` routes them to ``tr``.
"""

import argparse

from guide.core import i18n
from guide.core.i18n import N_

CONTEXT = "argparse"

MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("expected one argument"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
)


def _translate(text: str) -> str:
    return i18n.catalog().pgettext(CONTEXT, text)


def install() -> None:
    argparse._ = _translate  # type: ignore[attr-defined]
