"""One running app per user: a second start hands its request to the first and exits.

Two copies would each fire the bedtime reminder. The desktop entry's actions ("Calf cramp now"),
a double-click and the reminder's autostart all launch new processes, so the launch takes a
per-user lock before anything else (:func:`claim`): ``flock`` on a file in a folder only this
user can enter, which the kernel releases when the holder dies, so there is no stale lock to
guess about. The holder listens on a Unix socket next to it from that moment on; a later start
that finds the lock taken sends one line of JSON there (show, or start ROUTINE) and exits.

Both ends check the other's user id (``SO_PEERCRED``); a request is read without ever blocking
the GUI thread, and a peer that is too slow is dropped.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import socket
import stat
import struct
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from guide.core.store import paths

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from guide.ui.shell.instance_server import InstanceServer

MAX_REQUEST = 4096
READ_TIMEOUT_MS = 2000
_SOCKET_NAME = "instance.sock"
_LOCK_NAME = "instance.lock"
_MAX_UNIX_PATH = 107


def private_dir() -> Path | None:
    """A folder for the lock and the socket that only this user can enter, or None.

    Inside ``XDG_RUNTIME_DIR`` when it is set and ours, else in the temporary folder, else in
    the cache folder. A folder that someone else made (or made reachable to others) is never
    used.
    """
    uid = os.getuid()
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    candidates = []
    if runtime and os.path.isabs(runtime) and _owned_dir(Path(runtime), uid, private=False):
        candidates.append(Path(runtime) / "stretch-guide")
    candidates.append(Path(tempfile.gettempdir()) / f"stretch-guide-{uid}")
    candidates.append(paths.cache_dir() / "run")  # when the temporary folder is not usable
    for folder in candidates:
        with contextlib.suppress(OSError):
            folder.parent.mkdir(parents=True, exist_ok=True)
            os.mkdir(folder, 0o700)
        if _owned_dir(folder, uid, private=True) and len(
                str(folder / _SOCKET_NAME)) <= _MAX_UNIX_PATH:
            return folder
    return None


def _owned_dir(folder: Path, uid: int, private: bool) -> bool:
    try:
        info = os.lstat(folder)  # lstat: a symbolic link planted there is refused
    except OSError:
        return False
    mode_ok = not (info.st_mode & 0o077) if private else not (info.st_mode & 0o002)
    return stat.S_ISDIR(info.st_mode) and info.st_uid == uid and mode_ok


def socket_path() -> Path | None:
    folder = private_dir()
    return folder / _SOCKET_NAME if folder is not None else None


@dataclass
class Claim:
    """The outcome of :func:`claim`: this process runs the app, or another one does."""

    primary: bool
    listener: socket.socket | None = None  # bound and listening while primary
    _lock_fd: int | None = field(default=None, repr=False)

    def release(self) -> None:
        if self.listener is not None:
            path = self.listener.getsockname()
            self.listener.close()
            self.listener = None
            with contextlib.suppress(OSError):
                os.unlink(path)
        if self._lock_fd is not None:
            os.close(self._lock_fd)  # the kernel drops the lock with the descriptor
            self._lock_fd = None


def claim() -> Claim:
    """Take the per-user lock and start listening; ``primary`` False when another copy has it.

    With no private folder (a broken temporary folder) the app runs unguarded, as before.
    """
    folder = private_dir()
    if folder is None:
        return Claim(primary=True)
    try:
        fd = os.open(folder / _LOCK_NAME, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | os.O_NOFOLLOW,
                     0o600)
    except OSError:
        return Claim(primary=True)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return Claim(primary=False)
    except OSError:
        os.close(fd)
        return Claim(primary=True)
    with contextlib.suppress(OSError):
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
    path = folder / _SOCKET_NAME
    with contextlib.suppress(FileNotFoundError):
        path.unlink()  # we hold the lock: whatever is there was left by a copy that died
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        listener.bind(str(path))
        os.chmod(path, 0o600)
        listener.listen(16)
        listener.setblocking(False)
    except OSError:
        listener.close()
        return Claim(primary=True, _lock_fd=fd)
    return Claim(primary=True, listener=listener, _lock_fd=fd)


def peer_uid(sock: socket.socket) -> int:
    creds = sock.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    return int(struct.unpack("3i", creds)[1])


def forward(request: dict[str, str], wait: float = 3.0) -> bool:
    """Send ``request`` to the running app; False when none answers within ``wait`` seconds.

    The holder of the lock starts listening a moment after taking it, so a start that lost the
    race by microseconds tries again for a little while.
    """
    path = socket_path()
    if path is None:
        return False
    deadline = time.monotonic() + wait
    while True:
        client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        client.settimeout(2.0)
        try:
            client.connect(str(path))
            if peer_uid(client) != os.getuid():
                return False  # not ours: never hand a request to another user's program
            client.sendall(json.dumps(request).encode() + b"\n")
            return True
        except OSError:
            if time.monotonic() >= deadline:
                return False
        finally:
            client.close()
        time.sleep(0.02)


def parse_request(data: bytes) -> dict[str, str] | None:
    try:
        message = json.loads(data.split(b"\n", 1)[0] or b"{}")
    except (ValueError, RecursionError):
        return None
    if not isinstance(message, dict):
        return None
    return {str(k): str(v) for k, v in message.items()}


def make_server(claim: Claim, parent: QObject | None = None) -> InstanceServer | None:
    """The Qt side of the listener (None when this copy does not listen)."""
    if claim.listener is None:
        return None
    from guide.ui.shell.instance_server import InstanceServer

    return InstanceServer(claim.listener, parent)
