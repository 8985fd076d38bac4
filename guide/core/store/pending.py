"""The queue of history writes that could not be made yet (the database was busy).

JSON lines next to the database. Every access holds ``flock`` on the file, and checks after
locking that the name still leads to that file: a merge removes the file once it is applied,
and a line appended to a removed file would be lost.
"""

import fcntl
import json
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

from guide.core.i18n import tr
from guide.core.store.files import same_file


class PendingQueue:
    def __init__(self, path: Path, valid: Callable[[Any], bool]) -> None:
        self.path = path
        self._valid = valid

    def open_locked(self, create: bool = False) -> int | None:
        """The queue file, open and locked; None when there is none (or it cannot be used).

        After the lock is taken the name must still lead to the same file: a merge that held
        the lock before may have applied and removed it, and a line written there would be lost.
        """
        flags = os.O_NONBLOCK | os.O_CLOEXEC | (
            os.O_RDWR | os.O_APPEND | os.O_CREAT if create else os.O_RDONLY)
        for _attempt in range(20):
            try:
                fd = os.open(self.path, flags, 0o600)
            except OSError:
                if create:
                    raise
                return None  # no queue (or none we can read): nothing is waiting
            try:
                info = os.fstat(fd)
                if not stat.S_ISREG(info.st_mode):
                    raise OSError(tr("not a regular file"))
                fcntl.flock(fd, fcntl.LOCK_EX)
                if same_file(self.path, info):
                    return fd
            except OSError:
                os.close(fd)
                if create:
                    raise
                return None
            os.close(fd)
        return None

    def parse(self, fd: int | None) -> tuple[list[dict[str, Any]], list[bytes]]:
        """The operations waiting in the queue, and the lines that are not valid ones."""
        if fd is None:
            return [], []
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            chunks = []
            while chunk := os.read(fd, 65536):
                chunks.append(chunk)
        except OSError:
            return [], []
        ops, bad = [], []
        for line in b"".join(chunks).splitlines():
            if not line.strip():
                continue
            try:
                op = json.loads(line)
            except (ValueError, RecursionError):
                op = None
            if self._valid(op):
                ops.append(op)
            else:
                bad.append(line)
        return ops, bad

    def append(self, op: dict[str, Any]) -> None:
        """Add one operation durably; raises OSError."""
        line = (json.dumps(op, ensure_ascii=False) + "\n").encode("utf-8")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = self.open_locked(create=True)
        if fd is None:
            raise OSError(tr("the queue file keeps changing"))
        try:
            size = os.fstat(fd).st_size
            if size and os.pread(fd, 1, size - 1) != b"\n":
                line = b"\n" + line  # the last writer was killed mid-line
            os.write(fd, line)
            os.fsync(fd)
        finally:
            os.close(fd)
