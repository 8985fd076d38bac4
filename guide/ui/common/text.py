"""Short texts more than one feature shows."""

from PySide6.QtCore import QCoreApplication


def short_duration(seconds: int) -> str:
    """"30 s", "2 min", "1 min 30 s"."""
    minutes, secs = divmod(seconds, 60)
    if not minutes:
        return QCoreApplication.translate("StretchList", "{seconds} s").format(seconds=secs)
    if not secs:
        return QCoreApplication.translate("StretchList", "{minutes} min").format(minutes=minutes)
    return QCoreApplication.translate("StretchList", "{minutes} min {seconds} s").format(
        minutes=minutes, seconds=secs)
