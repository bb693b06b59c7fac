"""The speed harness of claim-provenance: every figure beside references measured in the same run.

Run from the project root (needs the ``bench`` extra; ``fast`` for the compiled paths)::

    python tests/benchmarks/harness.py            # everything, about 5-8 minutes on 2 cores
    python tests/benchmarks/harness.py --quick    # fewer repeats, smaller collection
    python tests/benchmarks/harness.py --audit-1m # also audit one million claims

Sections: (1) one record of 1, 10 and 100 claims: the orjson parse floor, pydantic v2's
``model_validate_json`` / ``model_dump_json`` on an equivalent model, and the codec's load and
dump with each schema engine and JSON backend, with the cost of each stage; (2) a JSON Lines
collection of 100,000 claims streamed in a child process (throughput and peak memory);
(3) memory per loaded claim; (4) extractor words per second over the PolNeAR training split;
(5) corpus audit claims per second at 10k, 100k (and 1M) claims. Figures are medians over
repeats; each pydantic reference is timed in the same interleaved rounds as the rows compared
with it, so ratios compare like with like on a shared machine.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gc
import importlib
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import timeit
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import records  # noqa: E402

import provenance as pv  # noqa: E402
from provenance import codec, integrity, validation  # noqa: E402

CORPUS = HERE.parent.parent.parent / "shared" / "corpus"


def measure(function: Callable[[], Any], repeats: int) -> float:
    """Median seconds per call over ``repeats`` timed batches (each batch >= ~0.05 s)."""
    timer = timeit.Timer(function)
    number, _ = timer.autorange()
    number = max(1, number // 4)
    return statistics.median(time / number for time in timer.repeat(repeats, number))


Setting = Callable[[], contextlib.AbstractContextManager[Any]]


def measure_together(
    functions: dict[str, tuple[Setting, Callable[[], Any]]], repeats: int
) -> dict[str, float]:
    """Median seconds per call of each function, timed in ``repeats`` interleaved rounds.

    Each round times every function once, one after the other (each inside its own
    setting: schema engine, JSON backend), so that a change in the load of the shared
    machine falls on all of them alike and their ratios stay fair.
    """
    timers = {}
    for name, (setting, function) in functions.items():
        timer = timeit.Timer(function)
        with setting():
            number, _ = timer.autorange()
        timers[name] = (setting, timer, max(1, number // 4))
    times: dict[str, list[float]] = {name: [] for name in functions}
    for _ in range(repeats):
        for name, (setting, timer, number) in timers.items():
            with setting():
                times[name].append(timer.timeit(number) / number)
    return {name: statistics.median(values) for name, values in times.items()}


def micro(seconds: float) -> str:
    return f"{seconds * 1e6:10.1f} µs"


def ratio(value: float, reference: float | None) -> str:
    return f"{value / reference:6.2f}x" if reference else "      "


def engines() -> list[str]:
    """Schema engines this installation can use (the baseline had only the pure-Python one)."""
    names = getattr(validation, "engine_names", None)
    return list(names()) if names else ["jsonschema"]


@contextlib.contextmanager
def engine(name: str) -> Iterator[None]:
    chooser = getattr(validation, "use_engine", None)
    if chooser is None:
        yield
        return
    with chooser(name):
        yield


def json_backends() -> list[str]:
    names = getattr(codec, "json_backend_names", None)
    return list(names()) if names else ["json"]


@contextlib.contextmanager
def json_backend(name: str) -> Iterator[None]:
    chooser = getattr(codec, "use_json_backend", None)
    if chooser is None:
        yield
        return
    with chooser(name):
        yield


@contextlib.contextmanager
def both(name: str, backend: str) -> Iterator[None]:
    """Use the schema engine ``name`` and the JSON backend ``backend``."""
    with engine(name), json_backend(backend):
        yield


def header(title: str) -> None:
    print(f"\n== {title}")


def section_records(repeats: int) -> None:
    import orjson

    reference: Any
    try:
        import reference
    except ImportError:  # pydantic missing
        reference = None
    header("one record: load (parse + validate + structure + document rules) and dump")
    for size in (1, 10, 100):
        document = records.document(size)
        text = pv.dumps(document)
        raw = text.encode()
        data = json.loads(text)
        print(f"\n-- {size} claim(s), {len(raw):,} bytes")
        plain: Setting = contextlib.nullcontext
        loaders: dict[str, tuple[Setting, Callable[[], Any]]] = {
            "floor": (plain, lambda raw=raw: orjson.loads(raw))
        }
        dumpers: dict[str, tuple[Setting, Callable[[], Any]]] = {}
        if reference is not None:
            model = reference.validate_json(raw)
            assert json.loads(reference.dump_json(model)) == data, "reference model differs"
            loaders["reference"] = (plain, lambda raw=raw: reference.validate_json(raw))
            dumpers["reference"] = (plain, lambda model=model: reference.dump_json(model))
        for name in engines():
            for backend in json_backends():
                setting = functools.partial(both, name, backend)
                with setting():
                    assert pv.loads(raw) == document
                loaders[f"provenance.loads [{name}, {backend}]"] = (
                    setting,
                    lambda raw=raw: pv.loads(raw),
                )
        for backend in json_backends():
            setting = functools.partial(json_backend, backend)
            dumpers[f"provenance.dumps [{backend}]"] = (
                setting,
                lambda document=document: pv.dumps(document),
            )
            dumpers[f"provenance.dumps(check=False) [{backend}]"] = (
                setting,
                lambda document=document: pv.dumps(document, check=False),
            )
        # Each reference is timed in the same interleaved rounds as what it is compared with.
        loaded = measure_together(loaders, repeats)
        dumped = measure_together(dumpers, repeats)
        load_ref = loaded.pop("reference", None)
        dump_ref = dumped.pop("reference", None)
        print(f"  {'orjson.loads (parse floor)':44s}{micro(loaded.pop('floor'))}")
        if load_ref is not None and dump_ref is not None:
            print(f"  {'pydantic model_validate_json':44s}{micro(load_ref)}   1.00x")
            print(f"  {'pydantic model_dump_json':44s}{micro(dump_ref)}   1.00x")
        else:
            print("  pydantic reference skipped: install the bench extra")
        for label, took in loaded.items():
            print(f"  {label:44s}{micro(took)}  {ratio(took, load_ref)} pydantic load")
        for name in engines():
            with engine(name):
                took = measure(lambda data=data: validation.ensure_valid(data), repeats)
                print(f"    {'stage: schema validation [' + name + ']':42s}{micro(took)}")
        converter = codec.make_converter()
        took = measure(
            lambda data=data, converter=converter: converter.structure(data, pv.Document), repeats
        )
        print(f"    {'stage: make_converter().structure':42s}{micro(took)}")
        took = measure(lambda data=data: pv.structure(data, validate=False), repeats)
        print(f"    {'stage: structure(validate=False) + rules':42s}{micro(took)}")
        took = measure(lambda document=document: integrity.check(document), repeats)
        print(f"    {'stage: integrity.check (document rules)':42s}{micro(took)}")
        trusted = getattr(codec, "_trusted_document", None)
        if trusted is not None:  # the hooks the codec uses for data the schema has accepted
            build = trusted()
            took = measure(lambda data=data, build=build: build(data), repeats)
            print(f"    {'stage: trusted structure (after the schema)':42s}{micro(took)}")
        for backend in json_backends():
            with json_backend(backend):
                took = measure(lambda raw=raw: codec._parse(raw, None), repeats)
            print(f"    {'stage: parse [' + backend + ']':42s}{micro(took)}")
        for label, took in dumped.items():
            print(f"  {label:44s}{micro(took)}  {ratio(took, dump_ref)} pydantic dump")
        took = measure(lambda document=document: pv.unstructure(document), repeats)
        print(f"    {'stage: unstructure':42s}{micro(took)}")


def collection(path: Path, claims: int) -> int:
    """Write a JSON Lines file of ``claims`` claims (10 per document, 100 distinct bodies)."""
    bodies = [pv.dumps(records.document(10, seed)) for seed in range(100)]
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for number in range(claims // 10):
            body = bodies[number % len(bodies)]
            # Give every line its own record id (ids are ASCII, so this stays valid JSON).
            out.write(
                body.replace('"id":"doc-', f'"id":"n{number}-doc-', 1).replace(
                    '"id": "doc-', f'"id": "n{number}-doc-', 1
                )
            )
            out.write("\n")
            count += 10
    return count


def stream_child(path: str, mode: str) -> None:
    """Child process: stream the collection and print a JSON line of figures."""
    gc.collect()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    claims = documents = 0
    if mode == "read":
        for document in pv.iter_jsonl(path):
            claims += len(document.claims)
            documents += 1
    else:  # copy: read and write back, both streaming
        out = Path(tempfile.mkdtemp()) / "copy.jsonl"

        def counted() -> Iterator[pv.Document]:
            nonlocal claims, documents
            for document in pv.iter_jsonl(path):
                claims += len(document.claims)
                documents += 1
                yield document

        pv.write_jsonl(counted(), out)
        out.unlink()
        out.parent.rmdir()
    elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        json.dumps(
            {
                "claims": claims,
                "documents": documents,
                "seconds": elapsed,
                "rss_before_kib": before,
                "rss_peak_kib": peak,
                "engine": getattr(validation, "engine_name", lambda: "jsonschema")(),
            }
        )
    )


def section_stream(claims: int) -> None:
    header(f"JSON Lines: {claims:,} claims streamed in a child process (constant memory)")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "collection.jsonl"
        count = collection(path, claims)
        size = path.stat().st_size
        print(f"  file: {count:,} claims, {count // 10:,} documents, {size / 2**20:,.1f} MiB")
        for mode in ("read", "copy"):
            result = subprocess.run(
                [sys.executable, __file__, "--stream-child", str(path), mode],
                check=True,
                capture_output=True,
                text=True,
            )
            figures = json.loads(result.stdout.strip().splitlines()[-1])
            rate = figures["claims"] / figures["seconds"]
            grown = (figures["rss_peak_kib"] - figures["rss_before_kib"]) / 1024
            print(
                f"  {mode:5s} [{figures['engine']}]: {figures['seconds']:7.1f} s, "
                f"{rate:9,.0f} claims/s, {figures['seconds'] / figures['documents'] * 1e6:9.1f} "
                f"µs/document; peak RSS {figures['rss_peak_kib'] / 1024:6.1f} MiB "
                f"(+{grown:.1f} MiB while streaming a {size / 2**20:.0f} MiB file)"
            )


def section_memory(documents: int, bulk: int) -> None:
    header("memory per loaded claim (records kept in a list)")
    texts = [pv.dumps(records.document(10, seed)) for seed in range(documents)]
    gc.collect()
    tracemalloc.start()
    start, _ = tracemalloc.get_traced_memory()
    kept = [pv.loads(text) for text in texts]
    end, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    claims = sum(len(document.claims) for document in kept)
    print(
        f"  {claims:,} claims in {len(kept):,} documents (with their sources and text): "
        f"{(end - start) / claims / 1024:.2f} KiB per claim"
    )
    del kept
    # Bulk load time with and without the cyclic GC running.
    many = texts * max(1, bulk // documents)
    for label, freeze in (("gc on", False), ("gc off", True)):
        gc.collect()
        if freeze:
            gc.disable()
        started = time.perf_counter()
        kept = [pv.loads(text) for text in many]
        elapsed = time.perf_counter() - started
        if freeze:
            gc.enable()
        count = sum(len(document.claims) for document in kept)
        print(
            f"  bulk load of {count:,} claims kept alive, {label:9s}: "
            f"{count / elapsed:,.0f} claims/s"
        )
        del kept
        gc.collect()


def section_extraction(repeats: int) -> None:
    header("extractor throughput over the PolNeAR training split")
    try:
        extraction = importlib.import_module("provenance.extraction")
    except ImportError:
        print("  skipped: module not available (provenance.extraction)")
        return
    folder = CORPUS / "polnear" / "train" / "text"
    if not folder.is_dir():
        print(f"  skipped: the PolNeAR training split was not found at {folder}")
        return
    runner = getattr(extraction, "benchmark_words_per_second", None)
    if runner is None:
        print("  skipped: provenance.extraction has no benchmark_words_per_second")
        return
    files = sorted(folder.glob("*.txt"))
    words = sum(len(path.read_text(encoding="utf-8").split()) for path in files)
    rate = runner(folder, repeats=repeats)
    print(
        f"  {len(files):,} articles, {words:,} words: {rate:,.0f} words/s "
        f"(median of {repeats} runs, one extractor drafting every article)"
    )


def section_audit(sizes: list[int]) -> None:
    header("corpus audit throughput (claims per second as the corpus grows)")
    try:
        from provenance.audit import audit_corpus
        from provenance.corpus import analyze_corpus
    except ImportError:
        print("  skipped: module not available (provenance.audit / provenance.corpus)")
        return
    import audit_scaling  # the deterministic corpus generator beside this file

    print(
        "  CPU seconds (the machine is shared); growth = (time / time at the smallest size) /"
        " (size ratio): 1.00 is linear"
    )
    print(
        f"  {'claims':>9} {'generate s':>10} {'analyze s':>9} {'claims/s':>9} {'growth':>6} "
        f"{'audit s':>8} {'claims/s':>9} {'growth':>6}"
    )
    base: tuple[int, float, float] | None = None
    for size in sizes:
        started = time.process_time()
        corpus = audit_scaling.generate(size)
        generated = time.process_time() - started
        gc.collect()
        gc.freeze()  # the corpus is long-lived: keep the cyclic GC from walking it
        started = time.process_time()
        analysis = analyze_corpus(corpus)
        analyzed = time.process_time() - started
        del analysis
        started = time.process_time()
        report = audit_corpus(corpus)
        audited = time.process_time() - started
        del report
        if base is None:
            base = (size, analyzed, audited)
        scale = size / base[0]
        print(
            f"  {size:>9,} {generated:>10.1f} {analyzed:>9.2f} {size / analyzed:>9,.0f} "
            f"{analyzed / base[1] / scale:>6.2f} {audited:>8.2f} {size / audited:>9,.0f} "
            f"{audited / base[2] / scale:>6.2f}",
            flush=True,
        )
        gc.unfreeze()
        del corpus
        gc.collect()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats, 20k-claim collection")
    parser.add_argument("--audit-1m", action="store_true", help="also audit 1,000,000 claims")
    parser.add_argument("--only", choices=["records", "stream", "memory", "extraction", "audit"])
    parser.add_argument("--stream-child", nargs=2, metavar=("PATH", "MODE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stream_child:
        stream_child(*args.stream_child)
        return
    repeats = 3 if args.quick else 7
    slow = "jsonschema-rs" not in engines()
    print(
        f"claim-provenance {pv.__version__} from {Path(pv.__file__).parent}; "
        f"Python {platform.python_version()}; {os.cpu_count()} cores; "
        f"schema engines: {', '.join(engines())}; JSON backends: {', '.join(json_backends())}"
    )
    sections: dict[str, Callable[[], None]] = {
        "records": lambda: section_records(repeats),
        # The pure-Python engine needs ~4 ms per claim: smaller sizes keep the run short.
        "stream": lambda: section_stream(20_000 if args.quick or slow else 100_000),
        "memory": lambda: section_memory(20, 200 if args.quick or slow else 2000),
        "extraction": lambda: section_extraction(repeats),
        "audit": lambda: section_audit([10_000, 100_000] + ([1_000_000] if args.audit_1m else [])),
    }
    started = time.perf_counter()
    for name, run in sections.items():
        if args.only in (None, name):
            run()
    print(f"\nharness run took {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
