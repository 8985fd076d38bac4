"""Stretch Guide: short stretching routines that may help with muscle cramps."""

__version__ = "0.1.0"
APP_ID = "stretch-guide"
# The reverse-DNS id of the desktop entry, the AppStream metainfo and the icons.
DESKTOP_ID = "io.github.stretchguide.StretchGuide"
