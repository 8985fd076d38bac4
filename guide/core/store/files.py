"""Files the user (or another program) can put anything into: read, write and set aside safely.

Every file the app reads from the user's folders goes through :func:`read_user_file`: regular
files only (a FIFO or a device named ``settings.json`` or ``x.yaml`` would hang or never end),
opened without blocking, and capped by the bytes actually read, never by what ``stat`` claims.
A damaged file is set aside with :func:`move_aside` under a name no other process can take, so
two processes meeting the same damage never overwrite each other's copy.
"""

import contextlib
import errno
import fcntl
import os
import stat
import tempfile
import time
from pathlib import Path

from guide.core.i18n import tr

MAX_BYTES = 1024 * 1024
_STALE_TEMP_SECONDS = 1.0


class UnsafeFile(OSError):
    """The path is not something to read as a file (a folder, a FIFO, a device) or too big."""


def read_user_file(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The bytes of the regular file at ``path``; raises OSError (or :class:`UnsafeFile`).

    Symbolic links to regular files are followed; a loop raises OSError like any unreadable
    entry. ``O_NONBLOCK`` keeps a FIFO from hanging the open; the type is checked on the open
    descriptor, so the file cannot be swapped between the check and the read.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC | getattr(os, "O_NOCTTY", 0))
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        if not stat.S_ISREG(info.st_mode):
            raise UnsafeFile(errno.EINVAL, tr("not a regular file"), str(path))
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, min(65536, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise UnsafeFile(errno.EFBIG, too_big_message(limit), str(path))
        return b"".join(chunks)
    finally:
        os.close(fd)


def too_big_message(limit: int) -> str:
    return tr("the file is larger than {size} KiB").format(size=limit // 1024)


def describe_error(exc: OSError) -> str:
    """A short reason for the user: the OS's words without the errno and path."""
    return str(exc.strerror or exc)


def _aside_name(path: Path) -> Path:
    import uuid  # only when something is damaged: kept off the start-up path

    stamp = time.strftime("%Y%m%d-%H%M%S")
    return path.with_name(f"{path.name}.corrupt-{stamp}-{uuid.uuid4().hex[:8]}")


def keep_aside(path: Path, data: bytes) -> Path | None:
    """Store ``data`` (damaged lines cut out of ``path``) next to it under a new unique name."""
    for _attempt in range(5):
        target = _aside_name(path)
        try:
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
        except FileExistsError:
            continue
        except OSError:
            return None
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        except OSError:
            return None
        return target
    return None


def move_aside(path: Path, expect: os.stat_result | None = None) -> Path | None:
    """Rename a damaged file to ``<name>.corrupt-<time>-<random>``; the new path, or None.

    The new name is created with ``link()``, which fails rather than overwrite, so a copy set
    aside is never replaced. With ``expect`` the file is moved only while it is still that very
    file (same inode): when another process already set it aside and started a fresh one, the
    fresh one is left alone and None is returned.
    """
    for _attempt in range(5):
        target = _aside_name(path)
        try:
            if expect is not None and not same_file(path, expect):
                return None
            os.link(path, target)
        except FileExistsError:
            continue
        except OSError:
            return _rename_aside(path, target)  # a file system without hard links
        try:
            os.unlink(path)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(target)
            return None
        return target
    return None


def _rename_aside(path: Path, target: Path) -> Path | None:
    # The name holds a random part, so nobody else picks it.
    try:
        os.rename(path, target)
    except OSError:
        return None
    return target


def same_file(path: Path, found: os.stat_result) -> bool:
    """Whether ``path`` still leads to the file ``found`` was taken of."""
    try:
        now = os.stat(path)
    except OSError:
        return False
    return (now.st_dev, now.st_ino) == (found.st_dev, found.st_ino)


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a crash leaves the old file or the new, never half.

    A temporary file in the same folder, fsync, rename over, fsync the folder. Temporary files
    left by a process killed mid-save are removed by the next save of the same file.
    """
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # held while writing: tells a live save from a killed one
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _fsync_folder(path.parent)
    _remove_stale_temps(path)


def _fsync_folder(folder: Path) -> None:
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def _remove_stale_temps(path: Path) -> None:
    """Temporary files of ``path`` whose writer is gone (a save that was killed).

    A live writer holds a lock on its temporary file; the kernel drops it when the process
    dies. The age check covers the instant between creating the file and locking it.
    """
    prefix = f".{path.name}."
    limit = time.time() - _STALE_TEMP_SECONDS
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return
    for entry in entries:
        if not entry.name.startswith(prefix):
            continue
        with contextlib.suppress(OSError):
            info = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(info.st_mode) or info.st_mtime > limit:
                continue
            fd = os.open(entry.path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC | os.O_NOFOLLOW)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                continue  # a save in progress
            finally:
                os.close(fd)
            os.unlink(entry.path)


def display_path(path: Path | str) -> str:
    """A path as text that can always be printed: bytes that are not UTF-8 shown as ``\\xNN``."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")
