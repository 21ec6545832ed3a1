"""Command line: thin commands over the pipeline stages. Exit codes: 0 ok, 1 problems, 2 usage."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Sequence

from generator.config import ProjectPaths
from generator.models import ArticleError


def _paths(args: argparse.Namespace) -> ProjectPaths:
    return ProjectPaths.from_root(args.root)


def cmd_build(args: argparse.Namespace) -> int:
    """Convert every article in seeds/ into a page in content/ (only what changed).

    Example:
        python -m generator build
        python -m generator build --strict   # any bad seed or warning -> exit 1 (else 0)
    """
    from generator.build import build_archive

    report = build_archive(_paths(args), quiet=True)
    for line in report.problem_lines:
        print(line, file=sys.stderr)
    for line in report.notes:  # decisions recorded this build (a withdrawn article): said once, even with -s
        print(line)
    if not args.silent:
        for page, fields in sorted(report.kept_edits.items()):
            print(f"{page}: kept human edits to {', '.join(fields)}")
        print(report.summary())
    # Bad seeds are reported and skipped, the rest of the archive is built: only --strict
    # turns a reported problem into a failure (for CI and pre-commit).
    return 1 if args.strict and report.problem_lines else 0


def cmd_parse(args: argparse.Namespace) -> int:
    """Print, as JSON, the front-matter FILE would get. Writes nothing.

    Example:
        python -m generator parse seeds/000_c15d51d3465a3ed0.txt
        python -m generator parse --body seeds/page.html   # also the page body (Markdown)
    """
    from generator import parse, profiles, sources
    from generator.annotate import Matcher, annotate
    from generator.defaults import DefaultsIndex
    from generator.gazetteer import load_gazetteer
    from generator.registry import load_registry

    paths = _paths(args)
    raw = sources.read_raw(Path(args.file).resolve(), paths.root)
    found_profiles = profiles.load_profiles(paths.profiles)
    folder_defaults = DefaultsIndex(paths.seeds, {p.name for p in found_profiles})
    for error in folder_defaults.errors:
        print(error, file=sys.stderr)
    article = parse.parse_document(raw, found_profiles, folder_defaults.for_file(raw.path))
    annotated = annotate(article, Matcher(load_registry(paths.registry), load_gazetteer(paths.cache)))
    for problem in article.problems:
        print(f"{raw.seed}: {problem}", file=sys.stderr)
    output = annotated.front_matter()
    if args.body:
        from generator.pages import escape_body

        output["body"] = escape_body(article.paragraphs)
    json.dump(output, sys.stdout, ensure_ascii=False, indent=2)
    print()
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """What the CLI's ``check`` runs: print the problems and the summary, return the exit code.

    Example:
        python -m generator check
        python -m generator check --unknown-names warning
        git diff --name-only origin/main... > changed.txt
        python -m generator check --changed changed.txt --summary "$GITHUB_STEP_SUMMARY"
    """
    from generator.check import check_command

    return check_command(args.root, unknown_names=args.unknown_names, changed=args.changed, summary=args.summary)


def cmd_suggest(args: argparse.Namespace) -> int:
    """What the CLI's ``suggest`` runs: list unregistered names; with ``--write``, add them.

    Example:
        python -m generator suggest
        python -m generator suggest --write "Rahm Emanuel" "Yoshimasa Hayashi"
        python -m generator suggest --write
    """
    from generator.suggest import suggest_command

    return suggest_command(args.root, write=args.write, kind=args.kind, max_files=args.files)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    parser.add_argument("--root", default=".", help="project folder (default: the current folder)")
    sub = parser.add_subparsers(dest="command", required=True)

    build = sub.add_parser("build", help="convert seeds/ into content/", description=cmd_build.__doc__,
                           formatter_class=argparse.RawDescriptionHelpFormatter)
    build.add_argument("--strict", action="store_true", help="exit 1 when any seed failed or had a warning")
    build.add_argument("-s", "--silent", action="store_true", help="print problems only")
    build.set_defaults(func=cmd_build)

    parse_cmd = sub.add_parser("parse", help="print one file's front-matter as JSON", description=cmd_parse.__doc__,
                               formatter_class=argparse.RawDescriptionHelpFormatter)
    parse_cmd.add_argument("file")
    parse_cmd.add_argument("--body", action="store_true",
                           help="add the page body, as Markdown exactly as the build writes it, under 'body'")
    parse_cmd.set_defaults(func=cmd_parse)

    # The commands' modules are imported when they run: `build` (a no-op rebuild takes a second or
    # two) does not load the checker's JSON Schema and Markdown machinery.
    from generator.models import ENTITY_KINDS

    check = sub.add_parser("check", help="validate pages, registry and seeds", description=cmd_check.__doc__,
                           formatter_class=argparse.RawDescriptionHelpFormatter)
    check.add_argument("--unknown-names", choices=("error", "warning"), default="error",
                       help="how to report a name typed into a page that the registry does not know")
    check.add_argument("--changed", type=Path, metavar="FILE",
                       help="file listing the changed files, one per line: GitHub annotations go to those only")
    check.add_argument("--summary", type=Path, metavar="FILE",
                       help="append a plain-language Markdown summary to FILE (e.g. $GITHUB_STEP_SUMMARY)")
    check.set_defaults(func=cmd_check)

    suggest = sub.add_parser("suggest", help="list names the registry does not know yet",
                             description=cmd_suggest.__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    suggest.add_argument("--write", nargs="*", metavar="NAME", default=None,
                         help="add these names (none given: every suggestion that is not a likely duplicate) "
                              "to the registry as unreviewed entries")
    suggest.add_argument("--kind", choices=ENTITY_KINDS, default="people", help="registry file to suggest for")
    suggest.add_argument("--files", type=int, default=3, help="how many files to show per name")
    suggest.set_defaults(func=cmd_suggest)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except ArticleError as exc:  # the registry or a profile is broken: named as `check` names it
        root = f"{_paths(args).root}{os.sep}"
        print(f"Error: {str(exc).replace(root, '')}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # output piped into `head` or a pager that closed early: not an error
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # Python's own flush at exit must not fail again
        return 0
