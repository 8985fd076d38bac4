"""Freedesktop desktop notifications with actions, sent over the session D-Bus with jeepney.

jeepney rather than desktop-notifier: it is pure Python with no dependencies, and a blocking
connection in a worker thread needs no asyncio loop inside Qt (desktop-notifier needs qasync).
QtDBus cannot send the ``uint32`` that ``Notify`` takes. Each notification gets its own
short-lived thread that sends ``Notify`` and blocks until ``ActionInvoked`` or
``NotificationClosed`` for its id; nothing runs while no notification is shown. Any D-Bus
failure is logged and reported through ``failed``: the reminder window works without them.
"""

import contextlib
import logging
import os
import socket
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot

log = logging.getLogger(__name__)

BUS_NAME = "org.freedesktop.Notifications"
OBJECT_PATH = "/org/freedesktop/Notifications"
CALL_TIMEOUT = 5.0  # seconds; a local bus answers in milliseconds


def session_bus_address() -> str | None:
    """The session bus address, falling back to the systemd user bus socket."""
    address = os.environ.get("DBUS_SESSION_BUS_ADDRESS", "")
    if address:
        return address
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if runtime and (Path(runtime) / "bus").exists():
        return f"unix:path={runtime}/bus"
    return None


def _address() -> Any:
    from jeepney import DBusAddress

    return DBusAddress(OBJECT_PATH, bus_name=BUS_NAME, interface=BUS_NAME)


def _connect() -> Any:
    from jeepney.io.blocking import open_dbus_connection

    address = session_bus_address()
    if address is None:
        raise ConnectionError("no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set)")
    return open_dbus_connection(bus=address)


class _Shown:
    """One notification's worker state, shared between its thread and the GUI thread."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.sock: socket.socket | None = None
        self.id = 0
        self.cancelled = False
        self.thread: threading.Thread | None = None


class Notifier(QObject):
    """Shows one notification at a time and reports which action the user chose."""

    action_invoked = Signal(str)  # the action key, e.g. "start", "snooze", "skip", "default"
    closed = Signal()  # dismissed or expired without an action
    failed = Signal(str)
    _from_thread = Signal(object, str, str)  # (_Shown, kind, value), queued to the GUI thread

    def __init__(self, app_name: str = "Stretch Guide", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app_name = app_name
        self._available: bool | None = None
        self._shown: _Shown | None = None
        self._from_thread.connect(self._relay, Qt.ConnectionType.QueuedConnection)

    @property
    def available(self) -> bool:
        """Whether a notification server is running or can be started; probed once."""
        if self._available is None:
            self._available = self._probe()
        return self._available

    def _probe(self) -> bool:
        try:
            from jeepney import DBus
            from jeepney.io.blocking import Proxy

            with _connect() as conn:
                bus = Proxy(DBus(), conn, timeout=CALL_TIMEOUT)
                if bus.NameHasOwner(BUS_NAME)[0] or BUS_NAME in bus.ListActivatableNames()[0]:
                    return True
        except Exception as exc:  # any D-Bus or socket failure means: no notifications
            log.info("desktop notifications unavailable: %s", exc)
            return False
        log.info("desktop notifications unavailable: no server provides %s", BUS_NAME)
        return False

    @property
    def showing(self) -> bool:
        return self._shown is not None

    def notify(self, summary: str, body: str, actions: Sequence[tuple[str, str]],
               icon: str = "") -> bool:
        """Show a notification with ``actions`` as (key, label); False when none can be shown."""
        if not self.available:
            return False
        self.close()
        shown = self._shown = _Shown()
        flat = [part for pair in actions for part in pair]
        shown.thread = threading.Thread(target=self._run, args=(shown, summary, body, flat, icon),
                                        name="notification", daemon=True)
        shown.thread.start()
        return True

    def _run(self, shown: _Shown, summary: str, body: str, actions: list[str],
             icon: str) -> None:
        try:
            conn = _connect()
        except Exception as exc:
            self._from_thread.emit(shown, "failed", str(exc))
            return
        with shown.lock:
            if shown.cancelled:
                conn.close()
                return
            shown.sock = conn.sock
        try:
            kind, value = self._show_and_wait(conn, shown, summary, body, actions, icon)
        except Exception as exc:  # a vanished bus or a misbehaving server must not kill the app
            kind, value = "failed", str(exc) or repr(exc)
        with shown.lock:
            shown.sock = None
            conn.close()
            if not shown.cancelled:
                self._from_thread.emit(shown, kind, value)

    def _show_and_wait(self, conn: Any, shown: _Shown, summary: str, body: str,
                       actions: list[str], icon: str) -> tuple[str, str]:
        from jeepney import HeaderFields, MatchRule, MessageType, new_method_call

        rule = MatchRule(type="signal", interface=BUS_NAME, path=OBJECT_PATH)
        conn.bus_proxy.AddMatch(rule)
        with conn.filter(rule, bufsize=16) as signals:
            hints = {"urgency": ("y", 1), "desktop-entry": ("s", "stretch-guide")}
            reply = conn.send_and_get_reply(new_method_call(
                _address(), "Notify", "susssasa{sv}i",
                (self._app_name, 0, icon, summary, body, actions, hints, 0),
            ), timeout=CALL_TIMEOUT)
            if reply.header.message_type == MessageType.error:
                return "failed", f"Notify: {reply.body}"
            with shown.lock:
                shown.id = int(reply.body[0])
                if shown.cancelled:
                    return "closed", ""
            while True:
                signal = conn.recv_until_filtered(signals)
                if not signal.body or signal.body[0] != shown.id:
                    continue
                member = signal.header.fields.get(HeaderFields.member)
                if member == "ActionInvoked":
                    return "action", str(signal.body[1])
                if member == "NotificationClosed":
                    return "closed", ""

    @Slot()
    def close(self) -> None:
        """Withdraw the notification on screen, if any, and stop listening for it."""
        shown, self._shown = self._shown, None
        if shown is None:
            return
        with shown.lock:
            shown.cancelled = True
            sock, notification_id = shown.sock, shown.id
        if notification_id:
            self._call_close(notification_id)
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)  # wakes the worker from its blocking receive
        if shown.thread is not None:
            shown.thread.join(timeout=CALL_TIMEOUT)

    def _call_close(self, notification_id: int) -> None:
        from jeepney import new_method_call

        try:
            with _connect() as conn:
                conn.send_and_get_reply(
                    new_method_call(_address(), "CloseNotification", "u", (notification_id,)),
                    timeout=CALL_TIMEOUT)
        except Exception as exc:
            log.info("could not withdraw notification %s: %s", notification_id, exc)

    @Slot(object, str, str)
    def _relay(self, shown: _Shown, kind: str, value: str) -> None:
        if shown is not self._shown:  # a notification replaced or closed meanwhile
            return
        if kind == "action":
            self.close()  # servers may leave it on screen after an action; it is answered
            self.action_invoked.emit(value)
            return
        self._shown = None
        if kind == "closed":
            self.closed.emit()
        else:
            log.warning("desktop notification failed: %s", value)
            self.failed.emit(value)
