"""The running app's end of the single-instance socket, on the GUI thread without blocking it.

Each connection is read as its bytes arrive (a socket notifier, never a blocking ``recv``); one
that sends more than a request's worth, or takes longer than two seconds, is dropped. Only
connections from this user's own processes are heard.
"""

import contextlib
import os
import socket

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal, Slot

from guide.ui.shell.single_instance import MAX_REQUEST, READ_TIMEOUT_MS, parse_request, peer_uid


class _Reader(QObject):
    done = Signal(object, bytes)  # self, the request line (empty when dropped)

    def __init__(self, conn: socket.socket, parent: QObject) -> None:
        super().__init__(parent)
        self._conn = conn
        self._data = b""
        self._notifier = QSocketNotifier(conn.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._read)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(lambda: self._finish(b""))
        self._timer.start(READ_TIMEOUT_MS)

    @Slot()
    def _read(self) -> None:
        try:
            chunk = self._conn.recv(MAX_REQUEST)
        except BlockingIOError:
            return
        except OSError:
            chunk = b""
        self._data += chunk
        if b"\n" in self._data or not chunk:
            self._finish(self._data)
        elif len(self._data) > MAX_REQUEST:
            self._finish(b"")

    def _finish(self, data: bytes) -> None:
        if self._notifier.isEnabled():
            self._notifier.setEnabled(False)
            self._timer.stop()
            self._conn.close()
            self.done.emit(self, data)

    def close(self) -> None:
        self._notifier.setEnabled(False)
        self._timer.stop()
        with contextlib.suppress(OSError):
            self._conn.close()


class InstanceServer(QObject):
    """Listens for requests from later starts; emits ``request(dict)`` on the GUI thread."""

    request = Signal(dict)

    def __init__(self, listener: socket.socket, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._listener = listener
        self._readers: set[_Reader] = set()
        self._notifier = QSocketNotifier(listener.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._accept)
        QTimer.singleShot(0, self._accept)  # requests that queued up during start-up

    @Slot()
    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self._listener.accept()
            except OSError:  # nothing waiting (or the listener is closed)
                return
            try:
                ours = peer_uid(conn) == os.getuid()
            except OSError:
                ours = False
            if not ours:
                conn.close()
                continue
            conn.setblocking(False)
            reader = _Reader(conn, self)
            reader.done.connect(self._on_done)
            self._readers.add(reader)

    @Slot(object, bytes)
    def _on_done(self, reader: _Reader, data: bytes) -> None:
        self._readers.discard(reader)
        reader.deleteLater()
        message = parse_request(data) if data else None
        if message is not None:
            self.request.emit(message)

    def close(self) -> None:
        self._notifier.setEnabled(False)
        for reader in self._readers:
            reader.close()
        self._readers.clear()
