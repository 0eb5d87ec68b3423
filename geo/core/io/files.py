"""Writing files so that a reader never sees half of one: a temporary name beside the target,
then one rename.

:func:`atomic_path` yields the temporary path to write (by any library: pandas, pyogrio,
simplekml) and renames it over the target only when the block ends without an error; a failure,
a full disk or a kill leaves the previous file as it was and no partial file behind (a kill leaves
the temporary file, hidden and named for its process, which the next write removes). An
:class:`OSError` (or a GDAL write error) becomes one :class:`~geo.core.errors.InputError` naming
the path.

:func:`atomic_folder` does the same for a folder of outputs (``frontline run``): it is filled
aside, beside the target, and swapped in at the end under :func:`output_lock`, so a killed or
failed run leaves the previous folder byte-identical, and a second run into the same folder stops
with one line instead of mixing its files with the first one's.
"""

from __future__ import annotations

import ctypes
import errno
import glob
import os
import shutil
import sys
import time
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from pathlib import Path

from geo.core.errors import InputError, one_line

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: the lock falls back to an exclusive create
    fcntl = None  # type: ignore[assignment]

_TEMP_PREFIX = ".~"


def _temp_for(path: Path) -> Path:
    """``.~NAME.PID.tmp.SUFFIX``: hidden, owned by this process, and with the target's suffix
    (GDAL warns about a GeoPackage whose name does not end in .gpkg)."""
    return path.with_name(f"{_TEMP_PREFIX}{path.stem}.{os.getpid()}.tmp{path.suffix}")


def _remove_stale(path: Path) -> None:
    """Remove temporary files left beside ``path`` by writers that were killed, with their
    companions (a GeoPackage's ``-journal``, GDAL's ``.tmp_rtree_*.db``)."""
    for stale in path.parent.glob(f"{_TEMP_PREFIX}{path.stem}.*.tmp{path.suffix}*"):
        own = stale.name[: stale.name.index(f".tmp{path.suffix}")]
        pid = own.rsplit(".", 1)[-1]
        if pid.isdigit() and not process_alive(int(pid)):
            _discard(stale)


def _discard_temp(temp: Path) -> None:
    """Remove a temporary file and the companions a writer made beside it (SQLite's
    ``-journal``/``-wal``/``-shm``, GDAL's ``.tmp_rtree_*.db``): every name it begins."""
    _discard(temp)
    for companion in temp.parent.glob(f"{glob.escape(temp.name)}?*"):
        _discard(companion)


def _discard(path: Path) -> None:
    """Remove ``path`` if it is there; quietly, as a read-only folder refuses even that."""
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass


def process_alive(pid: int) -> bool:
    """Is process ``pid`` running (ours or another user's)? Temporary names and locks carry
    their writer's pid, so the leftovers of a killed writer can be told from a live one's."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _reason(exc: BaseException, folder: Path | None = None) -> str:
    """The short reason of a write failure: the OS's words, or the last clause of GDAL's (which
    says "unable to open database file" for a folder it may not write: then the OS's words)."""
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    if folder is not None and not os.access(folder, os.W_OK):
        probe = errno.EROFS if _read_only_fs(folder) else errno.EACCES
        return os.strerror(probe)
    text = one_line(exc)
    if "failed:" in text:  # "sqlite3_exec(CREATE TABLE …) failed: database or disk is full"
        text = text.rsplit("failed:", 1)[1].strip()
    return text[:200]


def _read_only_fs(folder: Path) -> bool:
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # pragma: no cover - no statvfs
        return False


def _is_write_error(exc: BaseException) -> bool:
    """An error of the write itself: the OS's, or GDAL's (pyogrio) when the disk is full or the
    folder read-only. pyogrio is only consulted when something already imported it."""
    if isinstance(exc, OSError):
        return True
    errors = sys.modules.get("pyogrio.errors")
    return errors is not None and isinstance(exc, (errors.DataSourceError, errors.DataLayerError))


def check_target(path: str | os.PathLike[str], suffixes: tuple[str, ...] = ()) -> Path:
    """``path`` as a file to write later: refused now (before any work) when it names a folder
    or anything else than a regular file (a device, a pipe: the file renamed over it would
    replace it), lies under a file or in a folder that cannot be written, or (with
    ``suffixes``) ends in none of them — so a command with several outputs fails before the
    first, not after it. A link is followed: the file it points to is written, the link kept."""
    target = Path(path)
    if suffixes and target.suffix.lower() not in suffixes:
        names = (
            ", ".join(suffixes[:-1]) + f" or {suffixes[-1]}" if len(suffixes) > 1 else suffixes[0]
        )
        raise InputError(f"the file name must end in {names}", source=str(target))
    if target.is_dir():
        raise InputError("is a folder; give a file name", source=str(target))
    if target.is_symlink():  # written where the link points, the link kept
        target = Path(os.path.realpath(target))
    if target.exists() and not target.is_file():
        # renamed over, a device or a pipe would become a plain file (even /dev/null)
        raise InputError("is not a regular file; give the path of a file", source=str(path))
    for parent in target.parents:
        if parent.exists():
            if not parent.is_dir():
                raise InputError("is not a folder", source=str(parent))
            if not os.access(parent, os.W_OK | os.X_OK):
                why = f"cannot write in this folder ({_denied(parent)})"
                raise InputError(why, source=str(parent))
            break
    return target


def _denied(folder: Path) -> str:
    """Why a folder cannot be written: its file system is read-only, or permission."""
    try:
        read_only = bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # (no statvfs on Windows)
        read_only = False
    return "Read-only file system" if read_only else "Permission denied"


def prepare_target(path: str | os.PathLike[str]) -> Path:
    """``path`` as a writable file target: its folder created, not itself a folder."""
    target = check_target(path)
    _make_folder(target.parent)
    return target


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot create the folder ({_reason(exc)})", source=str(folder)) from exc


def _fsync(path: Path) -> None:
    """Flush a finished file to the disk before it replaces the previous one (so even a power
    cut leaves one of the two); a no-op for what cannot be opened as a file."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """A temporary path to write instead of ``path``, renamed over it when the block succeeds."""
    target = prepare_target(path)
    temp = _temp_for(target)
    try:
        _remove_stale(target)
        _discard_temp(temp)
        yield temp
        _fsync(temp)
        os.replace(temp, target)
    except BaseException as exc:
        _discard_temp(temp)
        if _is_write_error(exc):
            reason = _reason(exc, target.parent)
            raise InputError(f"cannot write ({reason})", source=str(target)) from exc
        raise


def write_text(path: str | os.PathLike[str], text: str) -> Path:
    """Write ``text`` (UTF-8) to ``path`` atomically; returns the path."""
    with atomic_path(path) as temp:
        temp.write_text(text, encoding="utf-8")
    return Path(path)


# -- one writer at a time per output: the lock -----------------------------------------------------


def _lock_path(target: Path) -> Path:
    return target.with_name(f".{target.name}.lock")


def _holder(lock: Path) -> str:
    try:
        pid = lock.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return "another frontline process"
    return f"frontline process {pid}" if pid.isdigit() else "another frontline process"


def _try_lock(lock: Path) -> int | None:
    """An open descriptor holding ``lock``, or None when a live process holds it."""
    if fcntl is None:  # pragma: no cover - not POSIX
        return _try_lock_exclusive(lock)
    fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return None
    try:  # the holder before us may have removed the file: then lock the new one
        same = os.stat(lock).st_ino == os.fstat(fd).st_ino
    except FileNotFoundError:
        same = False
    if not same:
        os.close(fd)
        return _try_lock(lock)
    return fd


def _try_lock_exclusive(lock: Path) -> int | None:  # pragma: no cover - not POSIX
    try:
        return os.open(lock, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        pid = _holder(lock).rsplit(" ", 1)[-1]
        if pid.isdigit() and not process_alive(int(pid)):  # a stale lock of a dead process
            lock.unlink(missing_ok=True)
            return _try_lock_exclusive(lock)
        return None


@contextmanager
def output_lock(path: str | os.PathLike[str], *, wait: float = 0.0) -> Iterator[Path]:
    """Hold the lock on writing ``path`` (a file or folder): ``.NAME.lock`` beside it, holding
    this process's id. Another holder is waited for up to ``wait`` seconds, then refused with one
    line naming it; the lock of a process that died is free (the kernel drops it) and its file
    is reused. Yields the lock file's path."""
    target = Path(path)
    _make_folder(target.parent)
    lock = _lock_path(target)
    deadline = time.monotonic() + wait
    try:
        while (fd := _try_lock(lock)) is None:
            if time.monotonic() >= deadline:
                raise InputError(
                    f"{_holder(lock)} is writing it; wait for it to finish or choose another "
                    f"output (lock {lock.name})",
                    source=str(target),
                )
            time.sleep(0.1)
    except OSError as exc:
        raise InputError(f"cannot lock ({_reason(exc)})", source=str(lock)) from exc
    try:
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode("ascii"))
        yield lock
    finally:
        lock.unlink(missing_ok=True)
        os.close(fd)


# -- a folder of outputs ---------------------------------------------------------------------------


def _aside(target: Path, kind: str, pid: int | None = None) -> Path:
    """``.~NAME.PID.KIND`` beside ``target``: the folder being built (tmp) or the one replaced
    (old)."""
    return target.with_name(f"{_TEMP_PREFIX}{target.name}.{pid or os.getpid()}.{kind}")


def _asides(target: Path, kind: str) -> list[tuple[Path, int]]:
    found = []
    for aside in target.parent.glob(f"{_TEMP_PREFIX}{target.name}.*.{kind}"):
        pid = aside.name.removesuffix(f".{kind}").rsplit(".", 1)[-1]
        if pid.isdigit():
            found.append((aside, int(pid)))
    return found


def _recover(target: Path) -> None:
    """Undo what a killed :func:`atomic_folder` left; called under the lock, so every folder
    aside is a dead process's: a previous folder renamed aside but not yet replaced goes back,
    the rest go."""
    for old, _pid in _asides(target, "old"):
        if not target.exists():
            os.rename(old, target)
        else:
            shutil.rmtree(old, ignore_errors=True)
    for temp, _pid in _asides(target, "tmp"):
        shutil.rmtree(temp, ignore_errors=True)


def check_folder_target(
    path: str | os.PathLike[str], replaces: Collection[str] | None = None
) -> Path:
    """``path`` as a folder :func:`atomic_folder` may replace: not a file, not the working
    folder, and (with ``replaces``) holding nothing but those names (and hidden temporaries)."""
    target = Path(path)
    if target.exists() and not target.is_dir():
        raise InputError("is a file; give a folder for the outputs", source=str(target))
    if target.is_symlink():
        target = Path(os.path.realpath(target))
    if target.is_dir() and Path.cwd().resolve().is_relative_to(target.resolve()):
        raise InputError(
            "is the working folder (or holds it); give a folder below it", source=str(path)
        )
    if replaces is not None and target.is_dir():
        foreign = sorted(
            p.name + ("/" if p.is_dir() else "")
            for p in target.iterdir()
            if not p.name.startswith(_TEMP_PREFIX)
            # an output's name is replaced only as the file it wrote: a folder or a link of
            # that name is the user's ("map.html/notes.txt")
            and (p.name not in replaces or p.is_symlink() or not p.is_file())
        )
        if foreign:
            shown = ", ".join(foreign[:3]) + (
                f" and {len(foreign) - 3} more" if len(foreign) > 3 else ""
            )
            raise InputError(
                f"holds files this command did not write ({shown}); it replaces the folder as a "
                "whole: give a new or empty folder",
                source=str(path),
            )
    return target


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux ``renameat2(RENAME_EXCHANGE)``); False where the
    platform or file system cannot."""
    renameat2: Callable | None = getattr(_libc(), "renameat2", None)
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def _libc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None, use_errno=True)
    except OSError:  # pragma: no cover - no C library to load
        return None


def _swap_in(temp: Path, target: Path) -> None:
    """Put the finished folder ``temp`` at ``target``; the previous one is removed after."""
    if not target.exists():
        os.rename(temp, target)
        return
    if _exchange(temp, target):
        shutil.rmtree(temp, ignore_errors=True)  # now the previous folder
        return
    old = _aside(target, "old")  # a kill between the two renames: _recover puts it back
    os.rename(target, old)
    try:
        os.rename(temp, target)
    except OSError:
        os.rename(old, target)
        raise
    shutil.rmtree(old, ignore_errors=True)


@contextmanager
def atomic_folder(
    path: str | os.PathLike[str], *, replaces: Collection[str] | None = None, wait: float = 0.0
) -> Iterator[Path]:
    """A new empty folder to fill instead of ``path``; swapped in when the block succeeds.

    Under :func:`output_lock` for the whole block. The folder is built beside the target
    (``.~NAME.PID.tmp``), so a failure or a kill leaves the previous folder as it was; a kill
    mid-swap is undone by the next call. ``replaces``: the only names an existing folder may
    hold (:func:`check_folder_target`), so a folder of other files is never replaced. Errors
    of the block pass unchanged; those of making and swapping the folder become one line."""
    target = check_folder_target(path, replaces)
    with output_lock(target, wait=wait):
        temp = _aside(target, "tmp")
        try:
            _recover(target)
            check_folder_target(target, replaces)
            temp.mkdir()
        except OSError as exc:
            raise InputError(f"cannot write ({_reason(exc)})", source=str(target)) from exc
        try:
            yield temp
        except BaseException:
            shutil.rmtree(temp, ignore_errors=True)
            raise
        try:
            _swap_in(temp, target)
        except OSError as exc:
            shutil.rmtree(temp, ignore_errors=True)
            raise InputError(f"cannot write ({_reason(exc)})", source=str(target)) from exc
