"""Every example of the documentation runs, and shows what it really prints.

For each page (README.md and every Markdown page of docs/), the code blocks run in the
order of the page, in a fresh temporary folder holding a copy of ``examples/``:

- a ```` ```python ```` block is executed; the blocks of one page share one namespace, so a
  page reads as one script. A ```` ```text output ```` block right after it is compared with
  what the block printed.
- a ```` ```console ```` block holds ``$ command`` lines, each followed by its output; only
  ``provenance ...`` and ``python ...`` commands may appear (installing goes in a
  ```` ```sh ```` block, shown and never run). The command runs in a shell whose
  ``provenance`` and ``python`` are this interpreter's (a line ending in a backslash goes on
  on the next); its standard output and standard error, together, are compared with the lines
  shown.

- a ```` ```console corpus ```` block reads the shared research corpus (``../shared/corpus``,
  not shipped): it runs only when the corpus is beside the project, and is skipped otherwise.
- a block whose info string holds ``file=NAME`` (```` ```json file=bad.json ````) is written to
  ``NAME`` in the folder, for the examples after it to read.

Other blocks (```` ```sh ````, ```` ```text ````, ```` ```json ````, and
```` ```python norun ```` for code that needs data the project does not ship) are shown, not run.

How shown output is compared with real output (the normalisation):

- trailing spaces and trailing blank lines are ignored;
- a line holding only ``...`` (indented or not) stands for any number of lines, none
  included, as a doctest ellipsis does;
- the temporary folder's path is written ``<tmp>`` in real output;
- a number followed by ``s`` or ``ms`` (a timing, such as ``0.42 s``) matches any number.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

ROOT = Path(__file__).resolve().parent.parent
# Pages written by docs/_generate.py hold no examples; _build is the built site.
_GENERATED = ("docs/_build/", "docs/reference/api/", "docs/reference/schemas/")
PAGES = [
    ROOT / "README.md",
    *(
        page
        for page in sorted((ROOT / "docs").rglob("*.md"))
        if not str(page.relative_to(ROOT)).startswith(_GENERATED)
    ),
]
_FENCE = re.compile(r"^```([^\n`]*)\n(.*?)^```\s*$", re.S | re.M)
_TIMING = re.compile(r"\b\d+(?:\.\d+)?\s?m?s\b")


@attrs.frozen
class Block:
    """One fenced code block of a page."""

    info: str
    body: str
    line: int

    @property
    def language(self) -> str:
        """The first word of the info string."""
        return self.info.split()[0] if self.info.split() else ""


def blocks(text: str) -> list[Block]:
    """The fenced code blocks of a Markdown text, in order."""
    return [
        Block(match.group(1).strip(), match.group(2), text.count("\n", 0, match.start()) + 1)
        for match in _FENCE.finditer(text)
    ]


def _runnable(page: Path) -> bool:
    return any(b.language in ("python", "console") for b in blocks(page.read_text("utf-8")))


def matches(shown: str, real: str) -> bool:
    """Whether real output is what a page shows, under the normalisation above."""
    want = [line.rstrip() for line in shown.rstrip().splitlines()]
    got = [_TIMING.sub("<time>", line.rstrip()) for line in real.rstrip().splitlines()]
    want = [_TIMING.sub("<time>", line) for line in want]
    pattern = "".join(
        r"(?:[^\n]*\n)*?" if line.strip() == "..." else re.escape(line) + r"\n" for line in want
    )
    return re.fullmatch(pattern, "".join(f"{line}\n" for line in got)) is not None


def _console(body: str) -> list[tuple[str, str]]:
    """``(command, shown output)`` pairs of a console block."""
    runs: list[tuple[str, list[str]]] = []
    continued = False
    for line in body.splitlines():
        if continued:  # a command ending in a backslash goes on on the next line
            runs[-1] = (f"{runs[-1][0]}\n{line}", runs[-1][1])
            continued = line.endswith("\\")
        elif line.startswith("$ "):
            continued = line.endswith("\\")
            runs.append((line[2:], []))
        elif runs:
            runs[-1][1].append(line)
        elif line.strip():
            raise AssertionError(f"console block does not start with '$ ': {line!r}")
    return [(command, "\n".join(output)) for command, output in runs]


def _shell_env(folder: Path) -> dict[str, str]:
    bin_dir = folder / ".bin"
    bin_dir.mkdir(exist_ok=True)
    for name, argv in (("provenance", "-m provenance"), ("python", "")):
        script = bin_dir / name
        script.write_text(f'#!/bin/sh\nexec "{sys.executable}" {argv} "$@"\n', encoding="utf-8")
        script.chmod(0o755)
    env = dict(os.environ)
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
    env["COLUMNS"] = "100"  # argparse wraps help text to the terminal's width
    return env


def _inside(module: object, folder: Path) -> bool:
    file = getattr(module, "__file__", None)
    return isinstance(file, str) and Path(file).is_relative_to(folder)


def run_page(page: Path, folder: Path) -> None:
    """Run every example of ``page`` in ``folder``, failing at the first that differs."""
    shutil.copytree(ROOT / "examples", folder / "examples")
    env = _shell_env(folder)
    namespace: dict[str, object] = {"__name__": "__docs__"}
    name = page.relative_to(ROOT) if page.is_relative_to(ROOT) else page.name
    printed: str | None = None
    previous = os.getcwd()
    os.chdir(folder)
    sys.path.insert(0, str(folder))  # modules a page writes (file=mypackage/x.py) import
    try:
        for block in blocks(page.read_text(encoding="utf-8")):
            where = f"{name}:{block.line}"
            written = re.search(r"\bfile=(\S+)", block.info)
            if written:
                target = folder / written.group(1)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(block.body, encoding="utf-8")
                printed = None
                continue
            if block.language == "python" and "norun" not in block.info.split()[1:]:
                out = io.StringIO()
                with contextlib.redirect_stdout(out):
                    try:
                        exec(compile(block.body, where, "exec"), namespace)
                    except Exception as error:
                        message = f"{where}: the python block raised {error!r}"
                        raise AssertionError(message) from error
                printed = out.getvalue()
                continue
            if block.info == "text output":
                assert printed is not None, f"{where}: an output block with no python block before"
                assert matches(block.body, printed), (
                    f"{where}: the block printed\n{printed}\nbut the page shows\n{block.body}"
                )
            elif block.language == "console":
                if "corpus" in block.info.split()[1:] and not (folder.parent / "shared").exists():
                    continue
                for command, shown in _console(block.body):
                    # Only the project's own commands run: installing or fetching never does.
                    assert command.split()[0] in ("provenance", "python"), (
                        f"{where}: `{command}` is not a provenance or python command; "
                        "show it in a ```sh block"
                    )
                    done = subprocess.run(
                        ["/bin/sh", "-c", command],
                        cwd=folder,
                        env=env,
                        capture_output=True,
                        text=True,
                        check=False,
                    )
                    real = (done.stdout + done.stderr).replace(str(folder), "<tmp>")
                    assert matches(shown, real), (
                        f"{where}: `{command}` printed\n{real}\nbut the page shows\n{shown}"
                    )
            printed = None
    finally:
        sys.path.remove(str(folder))
        for module in [name for name, m in sys.modules.items() if _inside(m, folder)]:
            del sys.modules[module]
        os.chdir(previous)


@pytest.mark.parametrize(
    "page",
    [page for page in PAGES if page.is_file() and _runnable(page)],
    ids=lambda page: str(page.relative_to(ROOT)),
)
def test_page_examples_run_and_show_real_output(page: Path, tmp_path: Path) -> None:
    # The examples run in tmp/work, so that ../shared/corpus is where the pages say it is.
    shared = ROOT.parent / "shared"
    if (shared / "corpus").is_dir():
        (tmp_path / "shared").symlink_to(shared, target_is_directory=True)
    (tmp_path / "work").mkdir()
    run_page(page, tmp_path / "work")


# -- the runner itself -------------------------------------------------------------------


def test_an_ellipsis_line_stands_for_any_lines() -> None:
    assert matches("a\n...\nd", "a\nb\nc\nd\n")
    assert matches("a\n  ...\nd", "a\nd")
    assert not matches("a\n...\nd", "a\nb\nc\n")
    assert not matches("a\nb", "a\nc")


def test_a_timing_matches_any_timing() -> None:
    assert matches("done in 0.42 s", "done in 13.1 s")
    assert not matches("done in 0.42 s", "done in a while")


def test_a_broken_example_fails(tmp_path: Path) -> None:
    page = tmp_path / "broken.md"
    page.write_text(
        "```python\nimport provenance as pv\nprint(pv.load('examples/none.json'))\n```\n",
        encoding="utf-8",
    )
    with pytest.raises(AssertionError, match="raised"):
        run_page_at(page, tmp_path / "run")


def test_a_console_example_with_wrong_output_fails(tmp_path: Path) -> None:
    page = tmp_path / "wrong.md"
    page.write_text(
        "```console\n$ provenance validate examples/oan-2025-06-11-kosovo-deportees.json\n"
        "examples/oan-2025-06-11-kosovo-deportees.json: invalid\n```\n",
        encoding="utf-8",
    )
    with pytest.raises(AssertionError, match="printed"):
        run_page_at(page, tmp_path / "run")


def run_page_at(page: Path, folder: Path) -> None:
    """Run a page of a test in a folder of its own."""
    folder.mkdir()
    run_page(page, folder)
