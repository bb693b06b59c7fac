"""Output files written whole or not at all, and never at the cost of what the path names.

Every file this library writes goes through :func:`write_whole`, every folder
of files through :func:`replace_folder`. What a path names decides how:

- ``-`` is standard output (:data:`STDOUT`), on every command;
- a regular file (or a new name) is written to a temporary file beside it,
  which then replaces it in one rename: a failure part-way (a bad record in a
  batch, a full disk, an interrupt) leaves the old file as it was;
- a symbolic link is followed: its target is replaced, atomically, by a
  temporary file beside the *target*, and the link itself stays;
- a FIFO, a character device (a terminal, ``/dev/null``) or an open stream
  such as ``/dev/stdout`` or ``/dev/fd/3`` is written to directly, never
  replaced (replacing ``/dev/stdout`` by a regular file is what a rename would do);
- a folder is never a file's target.

Temporary names carry the writing process's id (``.NAME.PID.XXXXXXXX.tmp``,
``.NAME.PID.XXXXXXXX/`` for folders). A run killed before it could clean up
leaves them behind; the next run writing the same name beside them removes
those whose process is gone (and nothing of any other shape). A folder that
is replaced is swapped with the new one by one ``renameat2(RENAME_EXCHANGE)``
call where Linux offers it, so that the folder's path names the old report
or the new one at every instant; elsewhere two renames leave a moment of a
few microseconds with no folder.

Failures to write are :class:`~provenance.errors.OutputError`, whose message
says which path and why, in one line.
"""

from __future__ import annotations

import ctypes
import errno
import functools
import hashlib
import os
import re
import shutil
import stat
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from provenance.errors import OutputError

__all__ = [
    "MAX_NAME_LENGTH",
    "STDOUT",
    "is_stdout",
    "replace_folder",
    "unique_name",
    "write_whole",
]

STDOUT = "-"
"""The output path that names standard output."""

MAX_NAME_LENGTH = 120
"""The longest file name :func:`unique_name` gives (file systems allow 255 bytes)."""

# Paths that name an already open stream: written to, never replaced.
_STREAMS = re.compile(r"^/(dev/(stdout|stderr|fd/\d+)|proc/(self|\d+)/fd/\d+)$")
_STALE_AGE = 24 * 3600  # temporaries without a process id are stale after a day


def is_stdout(path: str | os.PathLike[str] | None) -> bool:
    """Whether ``path`` is :data:`STDOUT` (``-``)."""
    return path is not None and os.fspath(path) == STDOUT


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _failed(target: Path | str, error: OSError) -> OutputError:
    reason = error.strerror or str(error)
    if error.errno == errno.ENOSPC:
        reason = "no space left on the device"
    return OutputError(f"cannot write {target}: {reason}", found=error.strerror)


def _is_direct(target: Path) -> bool:
    """Whether ``target`` names a stream or device, written to directly, never replaced."""
    if _STREAMS.match(os.fspath(target)):
        return True
    try:
        mode = target.stat().st_mode  # follows symbolic links
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _destination(target: Path) -> Path:
    """Return the path a file for ``target`` is renamed to: a symbolic link's final target."""
    if not target.is_symlink():
        return target
    return Path(os.path.realpath(target))


def _parent(target: Path, shown: Path) -> Path:
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(
            f"cannot write {shown}: folder {parent} does not exist",
            expected="an existing folder",
            found=str(parent),
        )
    return parent


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process: alive
        return True
    return True


def _remove_stale(parent: Path, name: str) -> None:
    """Remove temporaries of ``name`` in ``parent`` left by runs that were killed.

    Only names of the exact shapes this module makes are touched:
    ``.NAME.PID.XXXXXXXX.tmp`` (a file), ``.NAME.PID.XXXXXXXX`` and
    ``.NAME.PID.old.XXXXXXXX`` (folders), where ``XXXXXXXX`` is a temporary
    name's 8 random characters, and only once process ``PID`` is gone. A file
    ``.NAME.XXXXXXXX.tmp`` of an earlier version, which carried no process id,
    is removed once it is a day old.
    """
    pattern = re.compile(
        r"^\."
        + re.escape(name)
        + r"\.(?:(?P<pid>[0-9]+)\.(?:old\.)?)?(?P<random>[a-z0-9_]{8})(?P<tmp>\.tmp)?$"
    )
    try:
        entries = list(os.scandir(parent))
    except OSError:
        return
    now = time.time()
    for entry in entries:
        match = pattern.match(entry.name)
        if match is None:
            continue
        pid = match.group("pid")
        try:
            folder = entry.is_dir(follow_symlinks=False)
            if folder == bool(match.group("tmp")):
                continue  # files end in .tmp, folders do not: anything else is not ours
            if pid is not None:
                if _alive(int(pid)):
                    continue
            elif folder or now - entry.stat(follow_symlinks=False).st_mtime < _STALE_AGE:
                continue  # an earlier version's: only its files, once surely abandoned
            if folder:
                shutil.rmtree(entry.path, ignore_errors=True)
            else:
                os.unlink(entry.path)
        except OSError:
            continue  # someone else's, or gone already: not ours to insist on


def _prefix(name: str) -> str:
    return f".{name}.{os.getpid()}."


def _write_stream(chunks: str | Iterable[str], write: Callable[[str], object]) -> int:
    count = 0
    for chunk in [chunks] if isinstance(chunks, str) else chunks:
        write(chunk)
        count += 1
    return count


def write_whole(path: str | os.PathLike[str], chunks: str | Iterable[str]) -> int:
    """Write ``chunks`` (a string or an iterable of strings) to ``path``; see the module docs.

    Returns the number of chunks written. A new file gets the permissions a
    newly created file would (``0o666`` less the umask), a replaced one keeps
    its own; the text is UTF-8 with Unix line ends. Raises
    :class:`~provenance.errors.OutputError` when the path cannot be written.
    """
    if is_stdout(path):
        try:
            count = _write_stream(chunks, sys.stdout.write)
            sys.stdout.flush()
        except OSError as error:
            raise _failed("standard output", error) from None
        return count
    shown = Path(path)
    if _is_direct(shown):
        try:
            with open(shown, "w", encoding="utf-8", newline="\n") as out:
                return _write_stream(chunks, out.write)
        except OSError as error:
            raise _failed(shown, error) from None
    target = _destination(shown)
    if target.is_dir():
        raise OutputError(
            f"cannot write {shown}: it is a folder",
            expected="a file name",
            found="a folder",
        )
    parent = _parent(target, shown)
    _remove_stale(parent, target.name)
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except OSError:
        mode = 0o666 & ~_umask()
    try:
        descriptor, temporary = tempfile.mkstemp(
            prefix=_prefix(target.name), suffix=".tmp", dir=parent
        )
    except OSError as error:
        raise _failed(shown, error) from None
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as out:
            count = _write_stream(chunks, out.write)
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise _failed(shown, error) from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return count


@functools.cache
def _renameat2() -> Callable[[bytes, bytes], int] | None:
    """Return Linux's ``renameat2`` with ``RENAME_EXCHANGE`` bound, or ``None`` where absent."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        function = libc.renameat2
    except (OSError, AttributeError):
        return None
    at_fdcwd, rename_exchange = -100, 2

    def exchange(first: bytes, second: bytes) -> int:
        result: int = function(at_fdcwd, first, at_fdcwd, second, rename_exchange)
        return result

    return exchange


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step; ``False`` when the system cannot."""
    function = _renameat2()
    if function is None:
        return False
    if function(os.fsencode(first), os.fsencode(second)) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False  # the file system (or kernel) does not offer the exchange
    raise OSError(code, os.strerror(code), os.fspath(first))


def replace_folder(path: str | os.PathLike[str], files: Mapping[str, str]) -> None:
    """Make ``path`` a folder holding exactly ``files`` (name to text), atomically.

    The folder is built beside ``path`` (beside a symbolic link's target,
    which it replaces, keeping the link) and then swapped into place; an
    existing folder at ``path`` is replaced only once the new one is complete,
    and, where the system allows, with no moment at which ``path`` is absent.
    """
    shown = Path(path)
    target = _destination(shown)
    parent = _parent(target, shown)
    if target.exists() and not target.is_dir():
        raise OutputError(
            f"cannot write {shown}: it exists and is not a folder",
            expected="a folder or a new name",
            found="a file",
        )
    _remove_stale(parent, target.name)
    try:
        building = Path(tempfile.mkdtemp(prefix=_prefix(target.name), dir=parent))
    except OSError as error:
        raise _failed(shown, error) from None
    try:
        for name, text in files.items():
            (building / name).write_text(text, encoding="utf-8", newline="\n")
        os.chmod(building, 0o777 & ~_umask())
        if target.exists():
            if _exchange(building, target):
                shutil.rmtree(building, ignore_errors=True)  # now the old folder
                return
            retired = Path(tempfile.mkdtemp(prefix=_prefix(target.name) + "old.", dir=parent))
            os.replace(target, retired / target.name)
            try:
                os.replace(building, target)
            except BaseException:
                os.replace(retired / target.name, target)
                raise
            shutil.rmtree(retired, ignore_errors=True)
        else:
            os.replace(building, target)
    except OSError as error:
        shutil.rmtree(building, ignore_errors=True)
        raise _failed(shown, error) from None
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise


_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def unique_name(stem: str, suffix: str, used: set[str]) -> str:
    """Return a file name for ``stem`` that is safe, at most :data:`MAX_NAME_LENGTH` long, unused.

    ``used`` holds the names already taken (compared without case, as some
    file systems do) and receives the new one. Unsafe characters become
    ``_``; a long stem is cut and keeps a short digest of the whole, so two
    long ids that share a beginning still get two names.
    """
    safe = _UNSAFE_NAME.sub("_", stem).strip(".") or "document"
    room = MAX_NAME_LENGTH - len(suffix) - 12  # room for "-" + digest and "-NN"
    if len(safe) > room:
        digest = hashlib.sha256(stem.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        safe = f"{safe[: room - 9]}-{digest}"
    name = f"{safe}{suffix}"
    number = 2
    while name.lower() in used:
        name = f"{safe}-{number}{suffix}"
        number += 1
    used.add(name.lower())
    return name
