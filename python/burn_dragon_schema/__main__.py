"""`python -m burn_dragon_schema FILE...`: `burn-dragon-schema validate` of the npm package, for Python.

The same report, issues and exit statuses; where the Node CLI gives a line and column, this
one gives the key (`FILE:KEY:`), as tomli gives no positions of values.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from dataclasses import dataclass
from typing import Any, Sequence, TextIO

from ._files import STDIN, ConfigFileError, FileCheck, check_file, check_text, read_stdin
from ._schema import Issue

EXIT_VALID, EXIT_INVALID, EXIT_UNCHECKED = 0, 1, 2

#: The file name that reads standard input.
STDIN_ARGUMENT = "-"


@dataclass
class FileReport:
    """The outcome for one config: a file named on the command line, or the files of `--config`
    merged left to right (`file` then names them all, joined by ` + `): its check, or why it
    was not checked."""

    file: str
    files: int
    check: FileCheck | None = None
    problem: ConfigFileError | None = None

    @property
    def status(self) -> str:
        if self.check is None:
            return "unreadable"
        return "valid" if self.check.valid else "invalid"


def report_config(files: Sequence[str], *, extends: bool = True, strict: bool = False) -> FileReport:
    """The files of one config (`-` alone: standard input), checked as the trainer loads and checks them."""
    stdin = list(files) == [STDIN_ARGUMENT]
    shown = STDIN if stdin else " + ".join(files)
    try:
        if stdin:
            return FileReport(shown, 1, check_text(read_stdin(), file=STDIN, extends=extends, strict=strict))
        return FileReport(shown, len(files), check_file(list(files), extends=extends, strict=strict))
    except ConfigFileError as problem:
        return FileReport(shown, len(files), problem=problem)


# C0 and C1 controls, DEL, line and paragraph separators, and the bidirectional overrides and isolates.
_CONTROLS = re.compile("[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def escape_controls(text: str) -> str:
    """Names and values come from the files: their control characters are escaped, so that a
    config can neither break the line nor send a terminal or a CI log escape sequences."""
    return _CONTROLS.sub(lambda found: _NAMED.get(found.group(), f"\\u{ord(found.group()):04x}"), text)


def _line(file: str, line: int | None, column: int | None, key: str | None, severity: str, message: str) -> str:
    where = f"{file}:{line}:{column}" if line is not None else f"{file}:{key}" if key else file
    return f"{escape_controls(where)}: {severity}: {escape_controls(message)}"


def issue_line(issue: Issue, file: str, severity: str = "error") -> str:
    """`FILE:KEY: error|warning: MESSAGE`, the file and key being where the value was set
    (`FILE:LINE:COL:` for a TOML syntax error, whose place tomli gives)."""
    return _line(issue.file or file, issue.line, issue.column, issue.key_path, severity, issue.message)


def problem_line(problem: ConfigFileError) -> str:
    """`FILE:KEY: error: MESSAGE` for a config that cannot be checked, at the key that names what failed."""
    return _line(problem.file, problem.line, problem.column, problem.key, "error", problem.message)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def write_text(reports: Sequence[FileReport], out: TextIO, err: TextIO) -> None:
    """One line per issue on `out`, by file (errors in the trainer's order, then warnings), one
    per file that could not be checked on `err`, then a summary. An issue in a base that several
    configs read is one issue: it is printed, and counted, once."""
    count = {"valid": 0, "invalid": 0, "unreadable": 0}
    printed: set[str] = set()
    errors = warnings = 0
    for report in reports:
        count[report.status] += 1
        if report.problem is not None:
            line = problem_line(report.problem)
            if line not in printed:
                printed.add(line)
                print(line, file=err)
            continue
        assert report.check is not None
        found = [(issue, "error") for issue in report.check.errors] + [(issue, "warning") for issue in report.check.warnings]
        for issue, severity in sorted(found, key=lambda entry: entry[0].file or report.file):
            line = issue_line(issue, report.file, severity)
            if line in printed:
                continue
            printed.add(line)
            print(line, file=out)
            if severity == "error":
                errors += 1
            else:
                warnings += 1
    # A config merged from several files (`--config`) is counted as one config of those files.
    merged = any(report.files > 1 for report in reports)
    unit = "config" if merged else "file"
    checked_files = sum(report.files for report in reports if report.status != "unreadable")
    not_checked = f"; {_plural(count['unreadable'], unit)} not checked" if count["unreadable"] else ""
    checked = _plural(count["valid"] + count["invalid"], unit) + (f" ({_plural(checked_files, 'file')})" if merged else "")
    print(
        f"{checked} checked: {count['valid']} valid, {count['invalid']} invalid "
        f"({_plural(errors, 'error')}, {_plural(warnings, 'warning')}){not_checked}",
        file=out,
    )


def _placed(entry: dict[str, Any], line: int | None, column: int | None) -> dict[str, Any]:
    """The Node report's place fields, left out where Python does not know them."""
    if line is not None:
        entry["line"] = line
        entry["column"] = column
    return entry


def _issue_json(issue: Issue, file: str) -> dict[str, Any]:
    entry = _placed({"file": issue.file or file}, issue.line, issue.column)
    suggestion = {} if issue.suggestion is None else {"suggestion": issue.suggestion}
    return {**entry, "stage": issue.stage, "path": issue.path, "message": issue.message, **suggestion}


def report_json(reports: Sequence[FileReport]) -> dict[str, Any]:
    """The Node CLI's `--format json` document, field for field, without the lines and columns
    Python does not have."""
    files: list[dict[str, Any]] = []
    for report in reports:
        if report.problem is not None:
            problem = _placed({"file": report.problem.file}, report.problem.line, report.problem.column)
            files.append({"file": report.file, "status": report.status, "problem": {**problem, "message": report.problem.message}})
            continue
        assert report.check is not None
        files.append(
            {
                "file": report.file,
                "status": report.status,
                "errors": [_issue_json(issue, report.file) for issue in report.check.errors],
                "warnings": [_issue_json(issue, report.file) for issue in report.check.warnings],
            }
        )
    return {"valid": all(report.status == "valid" for report in reports), "files": files}


def exit_status(reports: Sequence[FileReport]) -> int:
    if any(report.status == "unreadable" for report in reports):
        return EXIT_UNCHECKED
    return EXIT_INVALID if any(report.status == "invalid" for report in reports) else EXIT_VALID


def run(
    files: Sequence[str],
    *,
    config: Sequence[str] = (),
    extends: bool = True,
    strict: bool = False,
    format: str = "text",
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Checks each file on its own, and the files of `config` merged into one; writes the
    report, and returns the exit status."""
    out = out or sys.stdout
    err = err or sys.stderr
    configs = [[file] for file in files] + ([list(config)] if config else [])
    reports = [report_config(files, extends=extends, strict=strict) for files in configs]
    try:
        if format == "json":
            out.write(json.dumps(report_json(reports), indent=2, ensure_ascii=False) + "\n")
        else:
            write_text(reports, out, err)
        out.flush()
    except BrokenPipeError:
        # The reader went away (`| head`): the rest of the output goes nowhere, quietly, and
        # the exit status is the one the files earned.
        if out is sys.stdout:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return exit_status(reports)


EPILOG = """\
extends = "base.toml" or extends = ["a.toml", "b.toml"] at the top of a file names its bases,
relative to the folder the file really is in; they are merged in order, then the file on top,
as the trainer merges them; -c A -c B merges whole files left to right the same way. Unknown
keys in quant, rho or saved_activations, and keys one typo away from model, quant or rho, are
warnings (the verdict is the trainer's); --strict makes them errors.

Exit status: 0 every file is valid, 1 some file is invalid, 2 a usage error or a file that
could not be checked (one line on stderr).

--format json prints one document: {"valid", "files": [{"file", "status": "valid" |
"invalid", "errors", "warnings"} | {"file", "status": "unreadable", "problem": {"file",
"message"}}]}, each issue {"file", "stage", "path", "message"}, as the Node CLI's report;
"line" and "column" only where Python knows them (a TOML syntax error)."""


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m burn_dragon_schema",
        description="Check burn_dragon TOML config files ([model.quant] and [model.rho]) as the trainer reads them.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("files", nargs="*", metavar="FILE", help="TOML config files, each checked on its own; - reads standard input")
    parser.add_argument(
        "-c",
        "--config",
        action="append",
        default=[],
        metavar="FILE",
        help="a file of one config merged left to right, as the trainer's repeated --config (repeat it)",
    )
    parser.add_argument("--strict", action="store_true", help="unknown keys and mistyped section names are errors, not warnings")
    parser.add_argument("--format", choices=["text", "json"], default="text", help="output format (default: text)")
    parser.add_argument("--no-extends", action="store_true", help="check each file on its own, not following `extends`")
    args = parser.parse_args(argv)
    if not args.files and not args.config:
        parser.error("name config files, or --config files to merge")
    return run(args.files, config=args.config, extends=not args.no_extends, strict=args.strict, format=args.format)


if __name__ == "__main__":
    sys.exit(main())
