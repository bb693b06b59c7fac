"""Output files written whole or not at all.

Every file this library writes goes through :func:`write_whole`: the content
goes to a temporary file beside the target, which then replaces the target in
one rename. A failure part-way (a bad record in a batch, a full disk, an
interrupt) leaves the target as it was and no temporary file behind. Folders
of several files go through :func:`replace_folder` the same way.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

from provenance.errors import ProvenanceError

__all__ = ["replace_folder", "write_whole"]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _parent(target: Path) -> Path:
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise ProvenanceError(
            f"cannot write {target}: folder {parent} does not exist",
            location=str(target),
            expected="an existing folder",
            found=str(parent),
        )
    return parent


def write_whole(path: str | os.PathLike[str], chunks: str | Iterable[str]) -> int:
    """Write ``chunks`` (a string or an iterable of strings) to ``path`` atomically.

    Returns the number of chunks written. The file gets the permissions a
    newly created file would (``0o666`` less the umask), as UTF-8 with Unix
    line ends.
    """
    target = Path(path)
    parent = _parent(target)
    descriptor, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent)
    count = 0
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as out:
            for chunk in [chunks] if isinstance(chunks, str) else chunks:
                out.write(chunk)
                count += 1
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return count


def replace_folder(path: str | os.PathLike[str], files: Mapping[str, str]) -> None:
    """Make ``path`` a folder holding exactly ``files`` (name to text), atomically.

    The folder is built beside ``path`` and renamed into place; an existing
    folder at ``path`` is swapped out only once the new one is complete.
    """
    target = Path(path)
    parent = _parent(target)
    building = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=parent))
    try:
        for name, text in files.items():
            (building / name).write_text(text, encoding="utf-8", newline="\n")
        os.chmod(building, 0o777 & ~_umask())
        if target.exists():
            retired = Path(tempfile.mkdtemp(prefix=f".{target.name}.old.", dir=parent))
            os.replace(target, retired / target.name)
            try:
                os.replace(building, target)
            except BaseException:
                os.replace(retired / target.name, target)
                raise
            shutil.rmtree(retired, ignore_errors=True)
        else:
            os.replace(building, target)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
