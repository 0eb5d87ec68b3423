"""Writing files so that a reader never sees half of one: a temporary name beside the target,
then one rename.

:func:`atomic_path` yields the temporary path to write (by any library: pandas, pyogrio,
simplekml) and renames it over the target only when the block ends without an error; a failure,
a full disk or a kill leaves the previous file as it was and no partial file behind (a kill leaves
the temporary file, hidden and named for its process, which the next write removes). An
:class:`OSError` becomes one :class:`~geo.core.errors.InputError` naming the path.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from geo.core.errors import InputError

_TEMP_PREFIX = ".~"


def _temp_for(path: Path) -> Path:
    """``.~NAME.PID.tmp.SUFFIX``: hidden, owned by this process, and with the target's suffix
    (GDAL warns about a GeoPackage whose name does not end in .gpkg)."""
    return path.with_name(f"{_TEMP_PREFIX}{path.stem}.{os.getpid()}.tmp{path.suffix}")


def _remove_stale(path: Path) -> None:
    """Remove temporary files left beside ``path`` by writers that were killed."""
    for stale in path.parent.glob(f"{_TEMP_PREFIX}{path.stem}.*.tmp{path.suffix}"):
        pid = stale.name.removesuffix(f".tmp{path.suffix}").rsplit(".", 1)[-1]
        if pid.isdigit() and not _alive(int(pid)):
            stale.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def prepare_target(path: str | os.PathLike[str]) -> Path:
    """``path`` as a writable file target: its folder created, not itself a folder."""
    target = Path(path)
    if target.is_dir():
        raise InputError("is a folder; give a file name", source=str(target))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(
            f"cannot create the folder ({exc.strerror})", source=str(target.parent)
        ) from exc
    return target


@contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """A temporary path to write instead of ``path``, renamed over it when the block succeeds."""
    target = prepare_target(path)
    _remove_stale(target)
    temp = _temp_for(target)
    temp.unlink(missing_ok=True)
    try:
        yield temp
        os.replace(temp, target)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        reason = exc.strerror or str(exc)
        raise InputError(f"cannot write ({reason})", source=str(target)) from exc
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def write_text(path: str | os.PathLike[str], text: str) -> Path:
    """Write ``text`` (UTF-8) to ``path`` atomically; returns the path."""
    with atomic_path(path) as temp:
        temp.write_text(text, encoding="utf-8")
    return Path(path)
