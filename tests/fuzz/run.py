"""Run one fuzz target for long: coverage-guided with atheris, or plain structure-aware mutations.

    # coverage-guided (pip install atheris), one million executions:
    nice -n 19 python tests/fuzz/run.py records_json -atheris_runs=1000000
    # without atheris: N structure-aware mutations from the seeds (deterministic with --seed):
    nice -n 19 python tests/fuzz/run.py records_json --plain 1000000 --seed 1 [--seconds 3600]

A crash (any exception but ``ProvenanceError``) is written to
``tests/fuzz/crashes/TARGET-SHA.bin`` and the run stops; each one found must
become a regression test. ``--list`` names the targets. Progress and the final
count of executions go to standard error.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def _import_targets() -> None:
    """Import the targets; under atheris, with the library's modules instrumented for coverage."""
    guided_run = "--plain" not in sys.argv and "--list" not in sys.argv and len(sys.argv) > 1
    if guided_run:
        import atheris

        with atheris.instrument_imports(include=["provenance"]):
            import provenance.audit
            import provenance.audit_record
            import provenance.audit_text
            import provenance.codec
            import provenance.corpus
            import provenance.extraction
            import provenance.formats.brat
            import provenance.formats.claimreview
            import provenance.webpage  # noqa: F401


_import_targets()

from tests.fuzz import mutations, targets  # noqa: E402

CRASHES = Path(__file__).resolve().parent / "crashes"


def _save(name: str, data: bytes) -> Path:
    CRASHES.mkdir(exist_ok=True)
    path = CRASHES / f"{name}-{hashlib.sha256(data).hexdigest()[:12]}.bin"
    path.write_bytes(data)
    return path


def plain(name: str, runs: int, seed: int, seconds: float | None = None) -> int:
    """Run ``runs`` mutations of the seeds through target ``name``; return the executions done.

    ``seconds`` stops the run earlier, after that much time.
    """
    target = targets.TARGETS[name]
    pool = targets.seeds(name)
    chance = random.Random(seed)
    started = time.monotonic()
    for number in range(1, runs + 1):
        data = chance.choice(pool)
        for _ in range(chance.randrange(1, 3)):
            data = mutations.mutate(name, data, chance)
        try:
            target(data)
        except Exception:
            path = _save(name, data)
            traceback.print_exc()
            print(f"{name}: crash after {number} executions, input in {path}", file=sys.stderr)
            return number
        if chance.random() < 0.01 and len(data) < 200_000:
            pool.append(data)  # keep some mutants as further seeds
        if number % 1000 == 0:
            rate = number / (time.monotonic() - started)
            print(f"{name}: {number} executions, {rate:.0f}/s", file=sys.stderr)
        if seconds is not None and time.monotonic() - started > seconds:
            runs = number
            break
    elapsed = time.monotonic() - started
    print(f"{name}: {runs} executions in {elapsed:.0f} s, no crash", file=sys.stderr)
    return runs


def guided(name: str, argv: list[str]) -> None:
    """Run target ``name`` under atheris with the structure-aware mutator."""
    import atheris

    target = targets.TARGETS[name]
    corpus = CRASHES.parent / "corpus" / name
    corpus.mkdir(parents=True, exist_ok=True)
    for data in targets.seeds(name):
        (corpus / hashlib.sha256(data).hexdigest()[:16]).write_bytes(data)

    def mutator(data: bytes, max_size: int, seed: int) -> bytes:
        chance = random.Random(seed)
        if chance.randrange(4) == 0:
            return atheris.Mutate(data, max_size)
        return mutations.mutate(name, data, chance)[:max_size]

    def one(data: bytes) -> None:
        try:
            target(data)
        except Exception:
            _save(name, data)
            raise

    atheris.Setup([sys.argv[0], *argv, str(corpus)], one, custom_mutator=mutator)
    atheris.Fuzz()


def main() -> None:
    parser = argparse.ArgumentParser(description="Run a fuzz target.")
    parser.add_argument("target", nargs="?", choices=sorted(targets.TARGETS))
    parser.add_argument("--list", action="store_true", help="name the targets")
    parser.add_argument("--plain", type=int, metavar="N", help="N mutations without atheris")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--seconds", type=float, help="with --plain: stop after this long")
    args, rest = parser.parse_known_args()
    if args.list or args.target is None:
        print("\n".join(sorted(targets.TARGETS)))
        return
    try:
        if args.plain is not None:
            plain(args.target, args.plain, args.seed, args.seconds)
        else:
            guided(args.target, rest)
    finally:
        targets.cleanup()


if __name__ == "__main__":
    main()
