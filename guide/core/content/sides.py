"""Whole phrases for a stretch's sides ("Left leg", "each arm", "Now the right foot").

A stretch names its side with a ``side_label`` word from YAML (leg, arm, foot, side). Gluing
"Left" to an English noun cannot be translated, so each known label has its own whole phrases;
a label the app does not know reads as "side" in other languages.
"""

from guide.core.i18n import language, tr

# Each label's phrases, looked up in the current language when asked for (only that label's).
_TABLES = {
    "leg": lambda: {"left": tr("Left leg"), "right": tr("Right leg"), "each": tr("each leg"),
                    "now-left": tr("Now the left leg"), "now-right": tr("Now the right leg")},
    "arm": lambda: {"left": tr("Left arm"), "right": tr("Right arm"), "each": tr("each arm"),
                    "now-left": tr("Now the left arm"), "now-right": tr("Now the right arm")},
    "foot": lambda: {"left": tr("Left foot"), "right": tr("Right foot"),
                     "each": tr("each foot"), "now-left": tr("Now the left foot"),
                     "now-right": tr("Now the right foot")},
    "hand": lambda: {"left": tr("Left hand"), "right": tr("Right hand"),
                     "each": tr("each hand"), "now-left": tr("Now the left hand"),
                     "now-right": tr("Now the right hand")},
    "side": lambda: {"left": tr("Left side"), "right": tr("Right side"),
                     "each": tr("each side"), "now-left": tr("Now the left side"),
                     "now-right": tr("Now the right side")},
}


def _phrases(label: str) -> dict[str, str] | None:
    make = _TABLES.get(label.strip().lower())
    return make() if make is not None else None


def side_phrase(label: str | None, side: str) -> str:
    """``side``: 'left', 'right', 'each', 'now-left' or 'now-right'."""
    phrases = _phrases(label or "side")
    if phrases is not None:
        return phrases[side]
    if language() == "en" and label:  # a user's own word, English only
        english = {"left": "Left {label}", "right": "Right {label}", "each": "each {label}",
                   "now-left": "Now the left {label}", "now-right": "Now the right {label}"}
        return english[side].format(label=label)
    return _phrases("side")[side]  # type: ignore[index]
