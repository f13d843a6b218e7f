"""Writes that never leave a half-written file behind and never replace a user's file by accident."""

import contextlib
import os
import tempfile
from pathlib import Path
from typing import BinaryIO, Callable, Optional

from .errors import CharagenError


def check_writable(path: Path, overwrite: bool) -> None:
    """Refuses an existing file unless overwrite; names the file."""
    if path.exists() and not overwrite:
        raise CharagenError(f"{path} already exists (use --force to replace it)")


@contextlib.contextmanager
def atomic_file(path: Path, mode: str = "wb", overwrite: bool = False, encoding: Optional[str] = None):
    """An open temporary file in path's folder; on success it is flushed to disk and renamed
    into place, on failure deleted."""
    path = Path(path)
    check_writable(path, overwrite)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix="." + path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, mode, encoding=encoding) as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, default_file_mode())  # mkstemp makes 0600; the user's umask decides
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def atomic_write(path: Path, write: Callable[[BinaryIO], None], overwrite: bool = False) -> None:
    """Calls write(open binary file) on a temporary file that then replaces path (see atomic_file)."""
    with atomic_file(path, "wb", overwrite) as f:
        write(f)


def default_file_mode() -> int:
    """0666 less the process's umask: the mode a plain open() would give a new file."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def atomic_write_bytes(path: Path, data: bytes, overwrite: bool = False) -> None:
    atomic_write(path, lambda f: f.write(data), overwrite)
