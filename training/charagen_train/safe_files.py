"""Writes that never leave a half-written file behind and never replace a user's file by accident."""

import os
import tempfile
from pathlib import Path
from typing import Callable

from .errors import CharagenError


def check_writable(path: Path, overwrite: bool) -> None:
    """Refuses an existing file unless overwrite; names the file."""
    if path.exists() and not overwrite:
        raise CharagenError(f"{path} already exists (use --force to replace it)")


def atomic_write(path: Path, write: Callable[[Path], None], overwrite: bool = False) -> None:
    """Calls write(temporary path) in path's folder, then renames the result into place."""
    path = Path(path)
    check_writable(path, overwrite)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix="." + path.name + ".", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        write(Path(tmp))
        os.chmod(tmp, default_file_mode())  # mkstemp makes 0600; the user's umask decides
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def default_file_mode() -> int:
    """0666 less the process's umask: the mode a plain open() would give a new file."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def atomic_write_bytes(path: Path, data: bytes, overwrite: bool = False) -> None:
    atomic_write(path, lambda tmp: tmp.write_bytes(data), overwrite)
