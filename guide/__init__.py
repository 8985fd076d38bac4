"""Stretch Guide: evidence-based stretching routines against muscle cramps."""

__version__ = "0.1.0"
APP_ID = "stretch-guide"
