"""Start-up cost: ``import provenance`` beside ``import attrs``, and ``provenance --help``.

    python tests/benchmarks/startup.py              # 10 runs of each, medians
    python tests/benchmarks/startup.py --runs 20

Every figure has its reference measured in the same run, alternating, so that a
busy machine slows both alike:

- ``python -X importtime -c "import attrs; import provenance"``: the cumulative
  import time of ``attrs`` (the reference) and of ``provenance`` (its own import:
  attrs is already loaded when it starts); then, as separate runs, what the first
  use of a record class adds (``provenance.model``) and what the first
  ``provenance.load`` adds (``provenance.codec``, with cattrs);
- ``provenance --help`` (the installed command) beside ``python -c pass``, wall time.

The issue's targets: at most 60 ms for ``provenance``'s own import, and
``provenance --help`` under 150 ms (medians).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path


def _importtime(code: str) -> dict[str, float]:
    """Run ``code`` under ``-X importtime``; return each top-level module's cumulative ms."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code],
        capture_output=True,
        text=True,
        check=True,
    )
    found: dict[str, float] = {}
    for line in result.stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        _self, cumulative, name = line.removeprefix("import time:").split("|")
        if cumulative.strip().isdigit():
            found[name.strip()] = int(cumulative) / 1000  # microseconds to ms
    return found


def _wall(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return (time.perf_counter() - start) * 1000


def _command() -> list[str]:
    script = Path(sys.executable).parent / ("provenance.exe" if os.name == "nt" else "provenance")
    if script.exists():
        return [str(script)]
    found = shutil.which("provenance")
    if found is None:
        raise SystemExit("the provenance command is not installed (pip install -e .)")
    return [found]


def main() -> None:
    """Run the measurements and print the medians."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    rows: dict[str, list[float]] = {
        name: []
        for name in ("attrs", "provenance", "provenance.model", "provenance.codec", "pass", "help")
    }
    _importtime("import attrs, provenance")  # warm the bytecode caches
    command = _command()
    for _ in range(args.runs):
        first = _importtime("import attrs; import provenance")
        rows["attrs"].append(first["attrs"])
        rows["provenance"].append(first["provenance"])
        model = _importtime("import attrs; import provenance; import provenance.model")
        rows["provenance.model"].append(model["provenance.model"])
        codec = _importtime("import attrs; import provenance; import provenance.codec")
        rows["provenance.codec"].append(codec["provenance.codec"])
        rows["pass"].append(_wall([sys.executable, "-c", "pass"]))
        rows["help"].append(_wall([*command, "--help"]))
    median = {name: statistics.median(values) for name, values in rows.items()}
    print(f"medians of {args.runs} runs, milliseconds")
    print(f"  import attrs (reference)           {median['attrs']:7.1f}")
    print(f"  import provenance (after attrs)    {median['provenance']:7.1f}   target <= 60")
    print(f"  then the record (provenance.model) {median['provenance.model']:7.1f}")
    print(f"  or the codec (provenance.codec)    {median['provenance.codec']:7.1f}")
    print(f"  python -c pass (reference)         {median['pass']:7.1f}")
    print(f"  provenance --help                  {median['help']:7.1f}   target < 150")


if __name__ == "__main__":
    main()
