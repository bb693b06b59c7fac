"""Output files are written whole or not at all, with ordinary permissions."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from provenance.errors import ProvenanceError
from provenance.output import replace_folder, write_whole


def test_new_file_gets_umask_permissions(tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        write_whole(tmp_path / "a.txt", "hello\n")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "a.txt").stat().st_mode) == 0o644
    assert (tmp_path / "a.txt").read_text() == "hello\n"


def test_failure_part_way_leaves_the_target_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("before\n")

    def chunks() -> Iterator[str]:
        yield "one\n"
        raise RuntimeError("the third record is bad")

    with pytest.raises(RuntimeError):
        write_whole(target, chunks())
    assert target.read_text() == "before\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ProvenanceError) as caught:
        write_whole(tmp_path / "nope" / "out.txt", "x")
    assert "does not exist" in str(caught.value)


def test_replace_folder_swaps_a_complete_folder(tmp_path: Path) -> None:
    target = tmp_path / "site"
    replace_folder(target, {"index.html": "old", "a.html": "a"})
    replace_folder(target, {"index.html": "new"})
    assert sorted(p.name for p in target.iterdir()) == ["index.html"]
    assert (target / "index.html").read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


# -- what -o names is never destroyed ------------------------------------------------------


def test_a_symlink_is_written_through_and_kept(tmp_path: Path) -> None:
    elsewhere = tmp_path / "data"
    elsewhere.mkdir()
    target = elsewhere / "real.json"
    target.write_text("old\n")
    os.chmod(target, 0o640)
    link = tmp_path / "link.json"
    link.symlink_to(os.path.relpath(target, tmp_path))
    write_whole(link, "new\n")
    assert link.is_symlink()
    assert target.read_text() == "new\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # a replaced file keeps its mode
    assert sorted(p.name for p in elsewhere.iterdir()) == ["real.json"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "link.json"]


def test_a_dangling_symlink_creates_its_target(tmp_path: Path) -> None:
    link = tmp_path / "link.json"
    link.symlink_to("made.json")
    write_whole(link, "x\n")
    assert link.is_symlink() and (tmp_path / "made.json").read_text() == "x\n"


def test_a_fifo_is_written_to_not_replaced(tmp_path: Path) -> None:
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    write_whole(fifo, ["one\n", "two\n"])
    reader.join(timeout=10)
    assert received == [b"one\ntwo\n"]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_character_device_is_written_to_not_replaced() -> None:
    write_whole(os.devnull, "nothing\n")
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_dash_is_standard_output(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write_whole("-", ["a", "b\n"])
    assert capsys.readouterr().out == "ab\n"
    assert not (tmp_path / "-").exists()


def test_a_folder_is_not_a_file_target(tmp_path: Path) -> None:
    from provenance.errors import OutputError

    with pytest.raises(OutputError, match="it is a folder"):
        write_whole(tmp_path, "x")


def test_temporaries_of_killed_runs_are_removed(tmp_path: Path) -> None:
    dead = 2**22 + 12345  # above Linux's largest process id: no such process
    (tmp_path / f".out.json.{dead}.abcdefgh.tmp").write_text("half")
    (tmp_path / f".out.json.{dead}.abcdefgh").mkdir()
    (tmp_path / f".out.json.{dead}.old.abcd_fgh").mkdir()
    alive = tmp_path / f".out.json.{os.getppid()}.ijklmnop.tmp"
    alive.write_text("a run still going")
    other = tmp_path / f".other.json.{dead}.abcdefgh.tmp"
    other.write_text("another name's")
    users = [tmp_path / ".out.json.backup12", tmp_path / ".out.json.backup1.tmp"]
    for path in users:  # a user's own files that look alike are left alone
        path.write_text("mine")
        os.utime(path, (0, 0))
    write_whole(tmp_path / "out.json", "x\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["out.json", alive.name, other.name, *(path.name for path in users)]
    )


def test_replaced_folder_is_never_absent(tmp_path: Path) -> None:
    import threading

    from provenance import output

    if output._renameat2() is None:
        pytest.skip("no renameat2 here: the two-rename fallback has a short gap")
    target = tmp_path / "site"
    replace_folder(target, {"index.html": "0"})
    missing: list[int] = []
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            if not (target / "index.html").exists():
                missing.append(1)

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        for number in range(1, 150):
            replace_folder(target, {"index.html": str(number)})
    finally:
        done.set()
        watcher.join()
    assert not missing
    assert (target / "index.html").read_text() == "149"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_page_names_are_bounded_and_unique() -> None:
    from provenance.output import MAX_NAME_LENGTH, unique_name

    used: set[str] = {"index.html"}
    long_a = "a" * 300 + "-one"
    long_b = "a" * 300 + "-two"
    names = [unique_name(stem, ".html", used) for stem in (long_a, long_b, "index", "x/../y")]
    assert all(len(name) <= MAX_NAME_LENGTH for name in names)
    assert len(set(names)) == 4
    assert names[2] == "index-2.html"
    assert "/" not in names[3]
