"""``provenance extract``: draft Document records (or brat ``.ann`` files) from article text."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from provenance import codec
from provenance.cli import UsageError
from provenance.drafting import ARTICLE_SUFFIXES, draft_file
from provenance.errors import (
    InvalidValue,
    MissingDependency,
    OutputError,
    ProvenanceError,
)
from provenance.extraction import Extractor, Lexicon, load_lexicon
from provenance.formats import brat
from provenance.manifest import Article, Manifest, check_article, read_manifest
from provenance.output import STDOUT, is_stdout, write_whole

if TYPE_CHECKING:
    from provenance.learning.learned_extractor import LearnedExtractor
    from provenance.model import Document
    from provenance.resolution import Resolver

__all__ = ["draft", "register", "run"]


def register(subparsers: Any) -> None:
    """Add the ``extract`` subcommand."""
    parser = subparsers.add_parser(
        "extract",
        description="Draft a Document record from plain article text: attributions with "
        "their source, cue and content spans, chains, typed sources and hedges. Give one "
        "file (output to stdout or --output) or a folder of .txt files (--output names the "
        "folder to write). Exit status: 0 all drafted, 1 some files failed, 2 usage error.",
    )
    from provenance.cli.scheduler import add_scheduler_arguments, input_path

    parser.add_argument("input", type=input_path, metavar="ARTICLE", help="a .txt file or a folder")
    parser.add_argument("-o", "--output", type=Path, help="output file (or folder for a folder)")
    parser.add_argument("--format", choices=("json", "brat"), default="json")
    parser.add_argument("--publisher", help="the publisher's name, recorded as its source")
    parser.add_argument("--url", help="where the article was published (one file)")
    parser.add_argument("--title", help="the article's headline (one file)")
    parser.add_argument(
        "--published", metavar="DATE", help="when it was published, ISO 8601 (one file)"
    )
    parser.add_argument("--id", dest="document_id", help="the record id to give (one file)")
    parser.add_argument(
        "--resolve",
        action="store_true",
        help="write what the gazetteer knows into the drafts' sources (Wikidata ids in "
        "same_as, the organisation a spokesperson speaks for as affiliation)",
    )
    parser.add_argument(
        "--gazetteer",
        type=Path,
        metavar="FILE",
        help="with --resolve: a gazetteer JSON file added to the shipped one",
    )
    parser.add_argument(
        "--manifest",
        type=Path,
        metavar="FILE",
        help="CSV or JSON Lines of file, publisher, url, title, published (and id) per article",
    )
    parser.add_argument("--lexicon", type=Path, help="a JSON lexicon added to the default one")
    parser.add_argument(
        "--model",
        type=Path,
        help="a model from 'provenance train': it proposes cues, sources and contents to the "
        "rules (needs claim-provenance[learn])",
    )
    add_scheduler_arguments(parser, files_per_partition=64)
    parser.set_defaults(handler=run)


def _render(
    extractor: Extractor | LearnedExtractor,
    path: Path,
    fmt: str,
    article: Article,
    resolver: Resolver | None,
) -> str:
    document = draft(extractor, path, article)
    if resolver is not None:
        from provenance.resolution import resolve_document

        document = resolve_document(document, resolver)
    if fmt == "brat":
        return brat.dumps(brat.write(document))
    return codec.dumps(document, indent=2) + "\n"


def draft(
    extractor: Extractor | LearnedExtractor, path: Path, article: Article | None = None
) -> Document:
    """Draft the record of one article file: plain text, or a saved web page (``.html``).

    See :func:`provenance.drafting.draft_article`: what ``article`` gives wins
    over what a web page says about itself.
    """
    return draft_file(extractor, path, article)


def _distributed(
    args: argparse.Namespace,
    lexicon: Any,
    extractor: Extractor | LearnedExtractor,
    resolver: Resolver | None,
    manifest: Manifest | None,
) -> int:
    """Draft every article file under the input on Dask into partitioned JSON Lines."""
    from provenance.cli.scheduler import is_url, open_client, show_progress
    from provenance.distributed import extract_to_folder

    if args.output is None or args.format != "json":
        print(
            "provenance extract: --scheduler needs --output FOLDER and writes JSON Lines parts "
            "(--format json)",
            file=sys.stderr,
        )
        return 2
    remote = is_url(args.input)
    if not remote and not args.input.exists():
        print(f"provenance extract: no such file or folder: {args.input}", file=sys.stderr)
        return 2
    name = str(args.input).rstrip("/").rsplit("/", 1)[-1]
    one_article = name.lower().endswith(ARTICLE_SUFFIXES) and (remote or args.input.is_file())
    articles: dict[str, Article] = dict(manifest.articles) if manifest is not None else {}
    one_file = [f"--{n}" for n in ("url", "title", "published") if getattr(args, n)] + (
        ["--id"] if args.document_id else []
    )
    if one_file:
        if not one_article:
            print(
                f"provenance extract: {', '.join(one_file)} name one article; "
                "for a folder give them per file with --manifest",
                file=sys.stderr,
            )
            return 2
        try:
            given = check_article(_given(args, name))
        except ProvenanceError as error:
            print(f"provenance extract: {error}", file=sys.stderr)
            return 2
        found = articles.get(name)
        if found is not None:
            given = attrs.evolve(
                found, **{k: v for k, v in attrs.asdict(given).items() if v is not None}
            )
        articles[name] = given
    bad_rows = 0
    if manifest is not None:
        for bad in manifest.errors:
            print(bad, file=sys.stderr)
            bad_rows += 1
    model = extractor.model if args.model is not None else None  # type: ignore[union-attr]
    try:
        with open_client(args) as client:
            summary = extract_to_folder(
                client,
                [args.input],
                args.output,
                files_per_partition=args.files_per_partition,
                publisher=args.publisher,
                lexicon=lexicon if args.lexicon else None,
                model=model,
                resolver=resolver,
                articles=articles,
                progress=show_progress(),
            )
    except ProvenanceError as error:
        print(f"provenance extract: {error}", file=sys.stderr)
        return 2
    for failed in summary.failed:
        print(f"{failed.location}: {failed.message}", file=sys.stderr)
    for missing in summary.unmatched:
        bad_rows += 1
        row = articles[missing]
        print(f"{row.location}: no article {missing!r} in {args.input}", file=sys.stderr)
    rows_note = f", {bad_rows} bad manifest rows" if bad_rows else ""
    print(
        f"{summary.drafted} drafted, {len(summary.failed)} failed{rows_note}; "
        f"{len(summary.parts)} parts in {args.output}",
        file=sys.stderr,
    )
    return 1 if summary.failed or bad_rows else 0


def _given(args: argparse.Namespace, file: str | None) -> Article:
    return Article(
        file=file,
        publisher=args.publisher,
        url=args.url,
        title=args.title,
        published=args.published,
        id=args.document_id,
        location="the command line",
    )


def _with_defaults(row: Article | None, args: argparse.Namespace, file: str) -> Article:
    """Return the manifest's row for ``file``, its blanks filled from --publisher."""
    if row is None:
        return Article(file=file, publisher=args.publisher)
    if row.publisher is None and args.publisher:
        return attrs.evolve(row, publisher=args.publisher)
    return row


def run(args: argparse.Namespace) -> int:
    """Draft one file or every ``.txt`` file of a folder."""
    try:
        lexicon = load_lexicon(args.lexicon) if args.lexicon else Lexicon.default()
    except ProvenanceError as error:
        print(f"provenance extract: bad --lexicon: {error}", file=sys.stderr)
        return 2
    extractor: Extractor | LearnedExtractor = Extractor(lexicon)
    if args.model is not None:
        # the learned extractor's own module; the rules above stay untouched without --model
        from provenance.learning.learned_extractor import for_model_file

        try:
            extractor = for_model_file(args.model, lexicon if args.lexicon else None)
        except ProvenanceError as error:
            print(f"provenance extract: bad --model: {error}", file=sys.stderr)
            return 2
    suffix = ".ann" if args.format == "brat" else ".json"
    resolver = None
    if args.gazetteer is not None and not args.resolve:
        print("provenance extract: --gazetteer goes with --resolve", file=sys.stderr)
        return 2
    if args.resolve:
        from provenance.codec import load_gazetteer
        from provenance.resolution import Gazetteer, Resolver

        try:
            gazetteer = load_gazetteer(args.gazetteer) if args.gazetteer else Gazetteer.default()
        except ProvenanceError as error:
            print(f"provenance extract: bad --gazetteer: {error}", file=sys.stderr)
            return 2
        resolver = Resolver(gazetteer)
    manifest = None
    if args.manifest is not None:
        try:
            manifest = read_manifest(args.manifest)
        except ProvenanceError as error:
            print(f"provenance extract: {error}", file=sys.stderr)
            return 2
    if args.scheduler is not None:
        return _distributed(args, lexicon, extractor, resolver, manifest)
    if not isinstance(args.input, Path):
        print("provenance extract: a URL input needs --scheduler", file=sys.stderr)
        return 2
    if args.input.is_dir():
        one_file = [
            f"--{name}" for name in ("url", "title", "published") if getattr(args, name)
        ] + (["--id"] if args.document_id else [])
        if one_file:
            print(
                f"provenance extract: {', '.join(one_file)} name one article; "
                "for a folder give them per file with --manifest",
                file=sys.stderr,
            )
            return 2
        if args.output is None or is_stdout(args.output):
            raise UsageError("a folder needs --output FOLDER")
        try:
            args.output.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise OutputError(
                f"cannot make the folder {args.output}: {error.strerror or error}"
            ) from None
        if not args.output.is_dir():
            raise OutputError(f"cannot write into {args.output}: it is not a folder")
        files = sorted(
            path
            for path in args.input.iterdir()
            if path.is_file() and path.suffix.lower() in ARTICLE_SUFFIXES
        )
        failed = 0
        bad_rows = 0
        rows = manifest.articles if manifest is not None else {}
        if manifest is not None:
            for bad in manifest.errors:
                print(bad, file=sys.stderr)
                bad_rows += 1
            names = {path.name for path in files}
            for name, row in rows.items():
                if name not in names:
                    bad_rows += 1
                    print(f"{row.location}: no article {name!r} in {args.input}", file=sys.stderr)
        show = sys.stderr.isatty()
        for number, path in enumerate(files, start=1):
            if show:
                print(f"\r{number}/{len(files)} {path.name[:50]:<50}", end="", file=sys.stderr)
            try:
                article = _with_defaults(rows.get(path.name), args, path.name)
                content = _render(extractor, path, args.format, article, resolver)
                write_whole(args.output / (path.stem + suffix), content)
            except OutputError:
                raise  # the output folder cannot be written: no use going on
            except (ProvenanceError, OSError) as error:
                failed += 1
                if show:
                    print(file=sys.stderr)
                print(f"{path}: {error}", file=sys.stderr)
        if show:
            print(file=sys.stderr)
        rows_note = f", {bad_rows} bad manifest rows" if bad_rows else ""
        print(f"{len(files) - failed} drafted, {failed} failed{rows_note}", file=sys.stderr)
        return 1 if failed or bad_rows else 0
    if not args.input.is_file():
        raise UsageError(f"no such file: {args.input}")
    try:
        article = check_article(_given(args, args.input.name))
        if manifest is not None:
            found = manifest.articles.get(args.input.name)
            for bad in manifest.errors:
                print(bad, file=sys.stderr)
            if found is None:
                raise InvalidValue(
                    f"the manifest has no row for {args.input.name}",
                    location=str(args.manifest),
                    expected="a row whose file is the article's name",
                )
            given = {k: v for k, v in attrs.asdict(article).items() if v is not None}
            given.pop("location", None)
            article = attrs.evolve(found, **{k: v for k, v in given.items() if k != "file"})
        content = _render(extractor, args.input, args.format, article, resolver)
    except OSError as error:
        raise UsageError(f"cannot read {args.input}: {error.strerror or error}") from None
    except MissingDependency as error:
        raise UsageError(error.message) from None
    except ProvenanceError as error:
        print(f"{args.input}: {error}", file=sys.stderr)
        return 1
    write_whole(STDOUT if args.output is None else args.output, content)
    return 0
