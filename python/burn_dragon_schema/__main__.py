"""`python -m burn_dragon_schema FILE...`: the command line of the npm package, for Python.

One line per issue, `FILE:KEY: error: MESSAGE` (`FILE:LINE:COL:` where tomllib gives a
position), then a summary. Exit status 0 when every file is valid, 1 when some file is
invalid, 2 for a usage error or a file that could not be checked (one line on stderr).
"""

from __future__ import annotations

import argparse
import sys
from typing import Sequence, TextIO

from ._files import ConfigFileError, validate_file
from ._validate import Issue

EXIT_VALID, EXIT_INVALID, EXIT_UNCHECKED = 0, 1, 2


def _line(file: str, where: str | None, message: str) -> str:
    return f"{file}:{where}: error: {message}" if where else f"{file}: error: {message}"


def issue_line(issue: Issue, file: str) -> str:
    """An issue as `FILE:KEY: error: MESSAGE`, the key being where the value was set."""
    return _line(issue.file or file, issue.key_path or None, issue.message)


def problem_line(problem: ConfigFileError) -> str:
    where = f"{problem.line}:{problem.column}" if problem.line is not None else None
    return _line(problem.file, where, problem.message)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def run(files: Sequence[str], *, extends: bool = True, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    """Checks each file, writes the report, and returns the exit status."""
    valid = invalid = unchecked = errors = 0
    for file in files:
        try:
            issues = validate_file(file, extends=extends)
        except ConfigFileError as problem:
            unchecked += 1
            print(problem_line(problem), file=err)
            continue
        for issue in issues:
            print(issue_line(issue, file), file=out)
        errors += len(issues)
        if issues:
            invalid += 1
        else:
            valid += 1
    not_checked = f"; {_plural(unchecked, 'file')} not checked" if unchecked else ""
    summary = f"{valid} valid, {invalid} invalid ({_plural(errors, 'error')}, 0 warnings){not_checked}"
    print(f"{_plural(valid + invalid, 'file')} checked: {summary}", file=out)
    if unchecked:
        return EXIT_UNCHECKED
    return EXIT_INVALID if invalid else EXIT_VALID


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m burn_dragon_schema",
        description="Check burn_dragon TOML config files as the trainer reads them.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="TOML config files")
    parser.add_argument("--no-extends", action="store_true", help="check each file on its own, not following `extends`")
    args = parser.parse_args(argv)
    return run(args.files, extends=not args.no_extends)


if __name__ == "__main__":
    sys.exit(main())
