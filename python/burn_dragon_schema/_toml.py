"""TOML read as the trainer reads it: TOML 1.1 (its toml 0.9), with that reader's own bounds.

tomli 2.4 reads TOML 1.1 as the trainer's reader does. Where the two part, this module follows
the trainer: a byte-order mark is skipped; a value nested in more than 80 arrays and inline
tables, a key of more than 80 dotted parts, an integer outside 64 bits and a float literal
that overflows are syntax errors; a date in year 0 and a time at second 60 (a leap second),
which Python's `datetime` cannot hold, are read, as the year 2000 and second 59.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from typing import Any, Callable, Iterator

import tomli

#: The trainer's reader refuses a value nested deeper than this in arrays and inline tables.
MAX_VALUE_NESTING = 80
#: ... and a key of more dotted parts than this (a `[header]`'s or a dotted key's).
MAX_KEY_SEGMENTS = 80

I64_MIN, I64_MAX = -(2**63), 2**63 - 1


class TomlError(Exception):
    """A text the trainer's TOML reader refuses; `line` and `column` (1-based) where known."""

    def __init__(self, reason: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(f"invalid TOML: {reason}")
        self.message = f"invalid TOML: {reason}"
        self.line = line
        self.column = column


class _Overflow(Exception):
    pass


def _float(literal: str) -> float:
    value = float(literal)
    if value in (float("inf"), float("-inf")) and literal.lstrip("+-") != "inf":
        raise _Overflow(literal)
    return value


def read_toml(text: str) -> dict[str, Any]:
    """One TOML file's text as a table, or `TomlError` where the trainer's reader stops."""
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        return _read(text)
    except TomlError:
        held = _held_datetimes(text)
        if held == text:
            raise
        return _read(held)


def _read(text: str) -> dict[str, Any]:
    try:
        table = tomli.loads(text, parse_float=_float)
    except tomli.TOMLDecodeError as error:
        raise TomlError(str(error), error.lineno, error.colno) from None
    except _Overflow:
        raise TomlError("floating-point number overflowed", *_literal_place(text, _overflows)) from None
    except RecursionError:
        fault = _bound_fault(text)
        raise (fault or TomlError("it is nested too deeply to read")) from None
    fault = _bound_fault(text)
    if fault:
        raise fault
    if _has_wide_integer(table):
        raise TomlError("invalid number: the integer does not fit in 64 bits", *_literal_place(text, _too_wide))
    return table


def _overflows(literal: str) -> bool:
    try:
        _float(literal)
    except _Overflow:
        return True
    except ValueError:
        return False
    return False


def _too_wide(literal: str) -> bool:
    try:
        value = int(literal.replace("_", ""), 0)
    except ValueError:
        return False
    return not I64_MIN <= value <= I64_MAX


def _literal_place(text: str, faulty: Callable[[str], bool]) -> tuple[int | None, int | None]:
    """Where the first value literal that `faulty` picks out stands."""
    for kind, start, end, _ in _tokens(text):
        if kind == "scalar" and faulty(text[start:end]):
            return _place(text, start)
    return None, None


def _has_wide_integer(table: dict[str, Any]) -> bool:
    pending: list[Any] = [table]
    while pending:
        value = pending.pop()
        if isinstance(value, dict):
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
        elif isinstance(value, int) and not isinstance(value, bool) and not I64_MIN <= value <= I64_MAX:
            return True
    return False


def _place(text: str, offset: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def _bound_fault(text: str) -> TomlError | None:
    """The first place where the trainer's reader meets one of its nesting bounds."""
    for kind, start, end, size in _tokens(text):
        if kind == "key" and size > MAX_KEY_SEGMENTS:
            return TomlError("recursion limit", *_place(text, start))
        if kind == "open" and size > MAX_VALUE_NESTING:
            return TomlError("cannot recurse further; max recursion depth met", *_place(text, start))
    return None


_DATETIME = re.compile(
    r"(?P<year>\d{4})-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::(?P<second>\d{2})(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:\d{2})?)?"
    r"|\d{2}:\d{2}(?::(?P<time_second>\d{2})(?:\.\d+)?)?"
)


def _held_datetimes(text: str) -> str:
    """The text with each year 0 written as 2000 (both leap years) and each second 60 as 59:
    the same length, so that every later position stays where it was."""
    parts: list[str] = []
    done = 0
    for kind, start, end, _ in _tokens(text):
        found = _DATETIME.fullmatch(text, start, end) if kind == "scalar" else None
        if not found:
            continue
        for group, written, held in (("year", "0000", "2000"), ("second", "60", "59"), ("time_second", "60", "59")):
            if found.group(group) == written:
                parts += [text[done : found.start(group)], held]
                done = found.end(group)
    return "".join(parts) + text[done:]


_BARE = re.compile(r"[A-Za-z0-9_-]+")
_SPACE = " \t"
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TIME_AHEAD = re.compile(r" \d{2}:")


def _tokens(text: str) -> Iterator[tuple[str, int, int, int]]:
    """The keys (with their number of parts), the opening brackets of arrays and inline tables
    (with their depth) and the plain scalar values of a TOML text, in order, as
    `(kind, start, end, size)`. Strings and comments are skipped. Meant for texts tomli reads;
    on any other text it ends without fail, whatever it yields."""
    n = len(text)
    i = 0
    stack: list[str] = []
    mode = "statement"
    while i < n:
        c = text[i]
        if c in " \t\r":
            i += 1
        elif c == "\n":
            i += 1
            if not stack:
                mode = "statement"
        elif c == "#":
            end = text.find("\n", i)
            i = n if end < 0 else end
        elif mode in ("statement", "key") and not (mode == "key" and c == "}"):
            if mode == "statement" and c == "[":
                i += 2 if text.startswith("[[", i) else 1
                start, i, parts = _key(text, i)
                yield "key", start, i, parts
                mode = "after"
                continue
            start, i, parts = _key(text, i)
            if i == start:
                i += 1
                mode = "after"
                continue
            yield "key", start, i, parts
            while i < n and text[i] in _SPACE:
                i += 1
            if i < n and text[i] == "=":
                i += 1
                mode = "value"
            else:
                mode = "after"
        elif mode == "value" and c in "[{":
            stack.append(c)
            yield "open", i, i + 1, len(stack)
            i += 1
            mode = "value" if c == "[" else "key"
        elif mode == "value" and c in "\"'":
            i = _string_end(text, i)
            mode = "after"
        elif mode == "value" and c not in ",]}":
            end = i
            while end < n and text[end] not in " \t\r\n,]}#":
                end += 1
            if _DATE.fullmatch(text, i, end) and _TIME_AHEAD.match(text, end):
                end += 1
                while end < n and text[end] not in " \t\r\n,]}#":
                    end += 1
            yield "scalar", i, end, 0
            i = end
            mode = "after"
        else:
            i += 1
            if c == "," and stack:
                mode = "key" if stack[-1] == "{" else "value"
            elif c in "]}" and stack and stack[-1] == ("[" if c == "]" else "{"):
                stack.pop()
                mode = "after"


def _key(text: str, i: int) -> tuple[int, int, int]:
    """A key from `i` (spaces first): where it starts, where it ends, and how many parts it has."""
    n = len(text)
    while i < n and text[i] in _SPACE:
        i += 1
    start = i
    parts = 0
    while i < n:
        if text[i] in "\"'":
            i = _string_end(text, i)
        else:
            bare = _BARE.match(text, i)
            if not bare:
                break
            i = bare.end()
        parts += 1
        after = i
        while after < n and text[after] in _SPACE:
            after += 1
        if after < n and text[after] == ".":
            i = after + 1
            while i < n and text[i] in _SPACE:
                i += 1
        else:
            break
    return start, i, parts


def _string_end(text: str, i: int) -> int:
    """Where the string that opens at `i` ends (just past its closing quotes)."""
    quote = text[i]
    n = len(text)
    if text.startswith(quote * 3, i):
        j = i + 3
        while j < n:
            if quote == '"' and text[j] == "\\":
                j += 2
            elif text.startswith(quote * 3, j):
                # Up to two quotes of the content may stand right before the closing three.
                k = j
                while k < n and k < j + 5 and text[k] == quote:
                    k += 1
                return k
            else:
                j += 1
        return n
    j = i + 1
    while j < n and text[j] != "\n":
        if quote == '"' and text[j] == "\\":
            j += 2
        elif text[j] == quote:
            return j + 1
        else:
            j += 1
    return j


def datetime_text(value: date | time) -> str:
    """A date or time as the trainer's toml 0.9 writes it back, the string serde then sees:
    `T` between date and time, seconds always written, the fraction without trailing zeros,
    `Z` for a zero offset."""
    if isinstance(value, datetime):
        offset = value.utcoffset()
        return f"{value.date().isoformat()}T{_clock(value.timetz())}{'' if offset is None else _zone(offset)}"
    if isinstance(value, date):
        return value.isoformat()
    return _clock(value)


def _clock(value: time) -> str:
    fraction = f".{value.microsecond:06d}".rstrip("0") if value.microsecond else ""
    return f"{value.hour:02d}:{value.minute:02d}:{value.second:02d}{fraction}"


def _zone(offset: timedelta) -> str:
    if offset == timedelta(0):
        return "Z"
    minutes = abs(offset) // timedelta(minutes=1)
    return f"{'-' if offset < timedelta(0) else '+'}{minutes // 60:02d}:{minutes % 60:02d}"
