"""The ``factcheck`` command: thin wiring of load → check → render → write.

Exit codes: 0 all good; 1 a claim is unsupported or a series conflicts (``check``);
2 bad input or usage (one clear message on stderr, never a traceback).
"""

from __future__ import annotations

import argparse
import datetime
import importlib.metadata
import sys
from collections.abc import Sequence
from pathlib import Path

from factcheck.case import Case
from factcheck.drafting import draft_claims, extract
from factcheck.errors import FactCheckError, UsageError, lookup
from factcheck.io import guard_output, write_atomic
from factcheck.lock import LOCK_NAME
from factcheck.render.corpus import (
    extracted_json,
    extracted_text,
    find_json,
    find_text,
    pin_summary,
    sources_json,
    sources_text,
)
from factcheck.render.text import check_text

__all__ = ["build_parser", "cmd_add", "cmd_brief", "cmd_check", "cmd_extract", "cmd_find",
           "cmd_pin", "cmd_sources", "main"]


def _emit(text: str, output: str | None, root: Path) -> None:
    if output is None or output == "-":
        sys.stdout.write(text)
        return
    target = Path(output)
    guard_output(root, target)
    write_atomic(target, text)
    print(f"wrote {target}", file=sys.stderr)


def cmd_brief(args: argparse.Namespace) -> int:
    review_date = None
    if args.review_date:
        if args.review_date == "today":
            review_date = datetime.date.today()
        else:
            try:
                review_date = datetime.date.fromisoformat(args.review_date)
            except ValueError:
                raise UsageError(f"--review-date {args.review_date!r}: give a date as "
                                 "YYYY-MM-DD, or 'today'") from None
    case = _load(args)
    report = case.check()
    if args.format == "html":
        text = report.html(title=args.title, template_dir=args.template)
    elif args.format == "claimreview":
        if args.template:
            raise UsageError("--template applies to the md and html formats")
        if review_date is None:
            print("factcheck: no --review-date: the reviews are dated by the newest source",
                  file=sys.stderr)
        if not args.review_url:
            print("factcheck: no --review-url: each review's url is a #fragment of the page "
                  "that will carry it", file=sys.stderr)
        text = report.claimreview(reviewer=args.reviewer, review_url=args.review_url or "",
                                  review_date=review_date)
    else:
        text = report.brief(title=args.title, template_dir=args.template)
    _emit(text, args.output, Path(args.root))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    case = _load(args)
    report = case.check(strict=args.strict, jobs=args.jobs)
    if args.format == "json":
        sys.stdout.write(report.to_json())
    else:
        sys.stdout.write(check_text(report))
    return 0 if report.ok else 1


def cmd_pin(args: argparse.Namespace) -> int:
    # --update rewrites the lock whole, so a damaged lock must not stop it.
    case = _load(args, read_lock=not args.update)
    report = case.check()
    lock = case.pin(report, update=args.update)
    wrote = case.save_lock(lock)
    lines, review = pin_summary(report, len(lock.pins), wrote,
                                str(Path(args.root) / LOCK_NAME), args.update)
    print("\n".join(lines), file=sys.stderr)
    return 1 if review else 0


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected at least 1, got {value}")
    return value


def _load(args: argparse.Namespace, **options: bool) -> Case:
    return Case.load(args.root, max_source_bytes=args.max_source_bytes, **options)


def cmd_extract(args: argparse.Namespace) -> int:
    sources = _load(args, claims_required=False).sources  # a new case has no claims/ yet
    if args.source:
        # UnknownIdError: did you mean
        sources = tuple(lookup(sources, sid, lambda s: s.id, "source") for sid in args.source)
    found = extract(sources)
    if args.format == "json":
        sys.stdout.write(extracted_json(found))
    elif args.format == "toml":
        sys.stdout.write(draft_claims(found, everything=args.all))
    else:
        sys.stdout.write(extracted_text(found))
    return 0


def cmd_find(args: argparse.Namespace) -> int:
    if not args.passage.strip():
        raise UsageError("find needs a passage: some words to look for")
    corpus = _load(args, claims_required=False).corpus(jobs=args.jobs)
    hits = corpus.find(args.passage, min_score=args.min_score,
                       max_edit_ratio=args.max_edit_ratio)
    origin = {h.source: corpus.origin_of(h.source) for h in hits}
    if args.format == "json":
        sys.stdout.write(find_json(args.passage, hits, origin))
    else:
        sys.stdout.write(find_text(hits, origin))
    return 0 if hits else 1


def cmd_sources(args: argparse.Namespace) -> int:
    report = _load(args, claims_required=False).check(jobs=args.jobs)
    if args.format == "json":
        sys.stdout.write(sources_json(report.to_dict()))
    else:
        sys.stdout.write(sources_text(report))
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    from factcheck.web import add_pages  # the web libraries load only for `add`

    added = add_pages(args.root, args.pages, source_id=args.id, skip=args.skip,
                      max_source_bytes=args.max_source_bytes)
    for refusal in added.skipped:
        print(f"skipped: {refusal}", file=sys.stderr)
    for source in added.sources:
        date = source.published.isoformat() if source.published else "undated"
        version = f"; a new version of {source.version_of}" if source.version_of else ""
        print(f"added sources/{source.id}.md: {source.label} ({source.publisher or '-'}, "
              f"{date}{version}); the page kept as sources/{source.raw}", file=sys.stderr)
        print(source.id)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factcheck",
        description="Source-cited fact-checking: anchor quotes, reconcile counts, render briefs.",
    )
    parser.add_argument("--version", action="version",
                        version=f"factcheck {importlib.metadata.version('factcheck')}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    root_help = "the case folder, holding claims/ and sources/ (default: the current folder)"
    parser.add_argument("--root", default=".", help=root_help)
    parser.add_argument("--jobs", type=_positive, default=1, metavar="N",
                        help="processes for the corpus work: index, clusters, find "
                        "(default 1)")
    parser.add_argument("--max-source-bytes", type=_positive, default=None, metavar="N",
                        help="refuse source files larger than N bytes (default: "
                        "$FACTCHECK_MAX_SOURCE_BYTES, else 50 MiB)")

    def add(name: str, help: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help, description=help)
        # before or after the command: `factcheck --root X check` or `factcheck check --root X`
        p.add_argument("--root", default=argparse.SUPPRESS, help=root_help)
        return p

    p = add("brief", "render the cited brief: Markdown, HTML or ClaimReview JSON-LD")
    p.add_argument("-o", "--output", help="write to FILE (atomically) instead of stdout")
    p.add_argument("--title", help="the brief's title")
    p.add_argument("--format", choices=("md", "html", "claimreview"), default="md",
                   help="md (default), html (one self-contained file) or claimreview "
                        "(schema.org JSON-LD, one review per claim)")
    p.add_argument("--template", metavar="DIR",
                   help="a folder of templates replacing the package's (brief.md.j2, "
                        "brief.html.j2 or any partial); they run sandboxed")
    p.add_argument("--reviewer", default="factcheck",
                   help="claimreview: the reviewing organisation's name (default: factcheck)")
    p.add_argument("--review-url", metavar="URL",
                   help="claimreview: the page carrying the reviews; each review's url is "
                        "URL#claim-<id> (default: the #fragment alone)")
    p.add_argument("--review-date", metavar="YYYY-MM-DD",
                   help="claimreview: the reviews' date; 'today' for today (default: the "
                        "newest source's date, so that output is reproducible)")
    p.set_defaults(func=cmd_brief)

    p = add("check", "anchor every quote and reconcile every series; exit 1 on a problem")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--strict", action="store_true",
                   help="treat 'consistent if' verdicts as failures")
    p.set_defaults(func=cmd_check)

    p = add("extract", "list every figure in the sources (text), or draft series and claims "
            "for them (toml); needs sources/ only")
    p.add_argument("--format", choices=("text", "toml", "json"), default="text")
    p.add_argument("--source", action="append", metavar="ID", help="only this source "
                   "(repeatable)")
    p.add_argument("--all", action="store_true", help="toml: draft claims for percentages, "
                   "money, page numbers, ages and times too (left out by default)")
    p.set_defaults(func=cmd_extract)

    p = add("find", "list every source that carries a passage, and how many origins they are")
    p.add_argument("passage", help="the words to look for")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--min-score", type=float, default=75.0, help="0-100 (default 75)")
    p.add_argument("--max-edit-ratio", type=float, default=0.05,
                   help="edits tolerated, as a share of the passage (default 0.05)")
    p.set_defaults(func=cmd_find)

    p = add("sources", "the sources grouped by origin: copies that share passages are one")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=cmd_sources)

    p = add("pin", f"pin every quote to the current version of its source in {LOCK_NAME}")
    p.add_argument("--update", action="store_true",
                   help="re-pin every quote, accepting changed sources (after review)")
    p.set_defaults(func=cmd_pin)

    p = add("add", "add web pages as sources: saved pages, URLs (fetched) or web archives "
                   "(WARC); prints the new ids")
    p.add_argument("pages", nargs="+", metavar="PAGE|URL|ARCHIVE",
                   help="a saved HTML page, an http(s) URL to fetch, or a .warc/.warc.gz file")
    p.add_argument("--id", help="the new source's id (one page only; default: publisher, "
                   "date and title)")
    p.add_argument("--skip", action="store_true", help="add what can be added; skip pages "
                   "already added or without article text instead of refusing them all")
    p.set_defaults(func=cmd_add)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.func(args)
    except FactCheckError as exc:
        print(f"factcheck: {exc}" if "\n" not in str(exc) else str(exc), file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"factcheck: {exc}", file=sys.stderr)
        return 2
    return code


if __name__ == "__main__":
    sys.exit(main())
