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
