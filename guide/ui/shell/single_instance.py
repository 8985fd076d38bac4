"""One running app per user: a second start hands its request to the first and exits.

Two copies would each fire the bedtime reminder. The desktop entry's actions ("Calf cramp now")
and the reminder's autostart both launch new processes, so the first copy listens on a Unix
socket in the runtime folder and the newcomer sends it one line of JSON: show, or start ROUTINE.
Plain sockets (no QtNetwork) keep this off the start-up path's cost.
"""

import contextlib
import json
import os
import socket
import tempfile
from pathlib import Path

from PySide6.QtCore import QObject, QSocketNotifier, Signal, Slot


def socket_path() -> Path:
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if runtime and os.path.isdir(runtime):
        return Path(runtime) / "stretch-guide.sock"
    return Path(tempfile.gettempdir()) / f"stretch-guide-{os.getuid()}.sock"


def forward(request: dict[str, str]) -> bool:
    """Send ``request`` to a running app; False when none is listening."""
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    client.settimeout(2.0)
    try:
        client.connect(str(socket_path()))
        client.sendall(json.dumps(request).encode() + b"\n")
        return True
    except OSError:
        return False
    finally:
        client.close()


class InstanceServer(QObject):
    """Listens for requests from later starts; emits ``request(dict)`` on the GUI thread."""

    request = Signal(dict)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._path = socket_path()
        self._server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        with contextlib.suppress(FileNotFoundError):
            self._path.unlink()  # a stale socket from a crash; a live one answered forward()
        self._server.bind(str(self._path))
        os.chmod(self._path, 0o600)
        self._server.listen(4)
        self._server.setblocking(False)
        self._notifier = QSocketNotifier(self._server.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._accept)

    @Slot()
    def _accept(self) -> None:
        try:
            conn, _ = self._server.accept()
        except OSError:
            return
        with conn:
            conn.settimeout(1.0)
            data = b""
            try:
                while not data.endswith(b"\n") and len(data) < 4096:
                    chunk = conn.recv(4096)
                    if not chunk:
                        break
                    data += chunk
                message = json.loads(data or b"{}")
            except (OSError, ValueError):
                return
        if isinstance(message, dict):
            self.request.emit({str(k): str(v) for k, v in message.items()})

    def close(self) -> None:
        self._notifier.setEnabled(False)
        self._server.close()
        with contextlib.suppress(OSError):
            self._path.unlink()
