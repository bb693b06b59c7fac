"""Where the time of one load goes: each stage of ``provenance.loads`` beside pydantic.

    python tests/benchmarks/load_stages.py          # the 10-claim record
    python tests/benchmarks/load_stages.py 100      # the 100-claim record

CPU time (the machine may be shared), best of 20 interleaved rounds: each round times
every row once, so a change in load falls on all rows alike. The stages are timed on
their own, on data already in the cache; their sum falls short of the whole load.
Not collected by pytest; needs the ``bench`` and ``fast`` extras.
"""

from __future__ import annotations

import sys
import time
import timeit
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import orjson
import records
import reference

import provenance as pv
from provenance import codec, integrity, validation


def main() -> None:
    """Print the stage table."""
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    document = records.document(size)
    raw = pv.dumps(document).encode()
    data = orjson.loads(raw)
    build = codec._trusted_document()
    rows: dict[str, Callable[[], Any]] = {
        "pydantic model_validate_json": lambda: reference.validate_json(raw),
        "provenance.loads [jsonschema-rs, orjson]": lambda: pv.loads(raw),
        "  orjson.loads alone": lambda: orjson.loads(raw),
        "  parse (orjson + long-number check)": lambda: codec._parse(raw, None),
        "  schema validation [jsonschema-rs]": lambda: validation.ensure_valid(data),
        "  trusted structure": lambda: build(data),
        "  structure + document rules": lambda: integrity.ensure_consistent(build(data)),
    }
    times: dict[str, list[float]] = {name: [] for name in rows}
    for _ in range(20):
        for name, row in rows.items():
            best = min(timeit.repeat(row, number=30, repeat=3, timer=time.process_time))
            times[name].append(best / 30)
    best_of = {name: min(values) * 1e6 for name, values in times.items()}
    best_of["  document rules (the difference)"] = (
        best_of.pop("  structure + document rules") - best_of["  trusted structure"]
    )
    print(f"-- {size} claim(s), {len(raw):,} bytes; CPU µs, best of 20 interleaved rounds")
    for name, took in best_of.items():
        print(f"  {name:48s}{took:9.1f} µs")
    ratio = (
        best_of["provenance.loads [jsonschema-rs, orjson]"]
        / best_of["pydantic model_validate_json"]
    )
    print(f"  loads / pydantic: {ratio:.2f}x")


if __name__ == "__main__":
    main()
