"""Random config documents, and TOML texts of them, for the differential tests against the oracle.

Documents are drawn from the published schema files: mostly well-formed sections (so that every
rule is reached), mixed with wrong types, mis-cased and misspelt variants, unknown keys (typos of
field names among them), mistyped section names and dates. Each document is written twice, with
the same random choices: once with the forms only TOML 1.1 has (inline tables over several
lines, with comments and a trailing comma; `\\e` and `\\xHH` escapes, in keys too; times without
seconds), once with their TOML 1.0 equivalents, which the oracle (TOML 1.0) reads. Both texts
hold the same document. Never generated: the forms where the oracle is known to read otherwise
than the trainer (see the oracle's README), except a date where a struct belongs (its point 8),
which the tests recognise.
"""

from __future__ import annotations

import random
import re
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

from burn_dragon_schema import schema, validate

QUANT = schema("quant")
RHO = schema("rho")

DATES: list[Any] = [
    date(1979, 5, 27),
    time(7, 32),
    time(7, 32, 5, 500000),
    datetime(1979, 5, 27, 7, 32),
    datetime(1979, 5, 27, 7, 32, tzinfo=timezone.utc),
    datetime(1979, 5, 27, 0, 32, 0, 999000, tzinfo=timezone(timedelta(hours=-7))),
]
JUNK: list[Any] = [0, 1, -3, 2.5, 1.0, True, False, "", "none_such", "TRUE", "a\x1bb", [], [1], {}, {"a": 1}, *DATES]
OTHER_MODEL_KEYS = ["n_layer", "residual_connector", "attention", "quantile"]
SECTION_TYPOS = {"quant": ["qaunt", "Quant", "quants", "quat"], "rho": ["rh", "RHO", "hro"]}


def _junk(rng: random.Random) -> Any:
    value = rng.choice(JUNK)
    return dict(value) if isinstance(value, dict) else list(value) if isinstance(value, list) else value


def _miscase(text: str) -> str:
    return text.lower() if text.upper() == text else text.upper()


def _typo(rng: random.Random, name: str) -> str:
    """A field name with one letter dropped, doubled or two neighbours swapped."""
    i = rng.randrange(len(name) - 1)
    kind = rng.choice(["drop", "double", "swap"])
    if kind == "drop":
        return name[:i] + name[i + 1 :]
    if kind == "double":
        return name[:i] + name[i] + name[i:]
    return name[:i] + name[i + 1] + name[i] + name[i + 2 :]


def _field_value(rng: random.Random, noise: float, field: dict[str, Any]) -> Any:
    if field.get("type") == "array":
        if rng.random() < noise:
            return _junk(rng)
        return [_field_value(rng, noise, field.get("items", {})) for _ in range(rng.choice([0, 0, 1, 1, 2, 3]))]
    variants = [v for v in field.get("enum", []) if isinstance(v, str)]
    if rng.random() >= noise:
        if field.get("default") is not None and rng.random() < 0.5:
            return field["default"]
        return rng.random() < 0.5 if field.get("type") == "boolean" else rng.choice(variants)
    if field.get("type") == "boolean":
        return rng.choice([1, 0, "true", "false", [], date(1979, 5, 27)])
    roll = rng.random()
    if roll < 0.3:
        return _miscase(rng.choice(variants))
    if roll < 0.5:
        return rng.choice(variants).replace("_", "-")
    if roll < 0.6:
        return {}
    return _junk(rng)


def _struct(rng: random.Random, noise: float, struct: dict[str, Any], presence: float = 0.55) -> Any:
    if rng.random() < noise / 3:
        return rng.choice([5, True, "none_such", [], [1]])
    entries: list[tuple[str, Any]] = []
    for name, field in struct["properties"].items():
        if rng.random() >= presence:
            continue
        value = _struct(rng, noise, field, 0.6) if "properties" in field else _field_value(rng, noise, field)
        if value is not None:
            entries.append((name, value))
    if rng.random() < 0.12:
        name = rng.choice([*struct["properties"], "comment", "extra"])
        entries.append((_typo(rng, name) if name in struct["properties"] else name, _junk(rng)))
    rng.shuffle(entries)
    return dict(entries)


def _near_miss(rng: random.Random, target: str) -> dict[str, Any]:
    """A section one or two edits away from one the package accepts: each rule of `validate()`
    is reached alone, past the rules before it. The package only picks the starting point; the
    oracle judges the result."""
    struct = QUANT if target == "quant" else RHO
    enabled = target == "quant" and rng.random() < 0.8
    base = _struct(rng, 0, struct, 0.8)
    for _ in range(200):
        if validate(base, target) == [] and (not enabled or base.get("enable") is True):  # type: ignore[arg-type]
            break
        base = _struct(rng, 0, struct, 0.8)
    plain = [(name, field) for name, field in struct["properties"].items() if "properties" not in field]
    for _ in range(rng.choice([1, 1, 2])):
        name, field = rng.choice(plain)
        value = rng.random() < 0.5 if field.get("type") == "boolean" else _field_value(rng, 0, {**field, "default": None})
        if value is not None:
            base[name] = value
    if target == "quant" and rng.random() < 0.3:
        base["saved_activations"] = _struct(rng, 0, struct["properties"]["saved_activations"], 0.8)
    items = list(base.items())
    rng.shuffle(items)
    return dict(items)


NOISE = [0, 0, 0.02, 0.08, 0.25]


def document(rng: random.Random) -> dict[str, Any]:
    """One whole config document (a TOML file is always a table)."""
    noise = rng.choice(NOISE)
    model: list[tuple[str, Any]] = []
    for target, chance in (("quant", 0.85), ("rho", 0.75)):
        if rng.random() < chance:
            section = _near_miss(rng, target) if rng.random() < 0.4 else _struct(rng, noise, QUANT if target == "quant" else RHO)
            name = rng.choice(SECTION_TYPOS[target]) if rng.random() < 0.05 else target
            model.append((name, section))
    if rng.random() < 0.3:
        model.append((rng.choice(OTHER_MODEL_KEYS), _junk(rng)))
    rng.shuffle(model)
    root: list[tuple[str, Any]] = []
    if rng.random() < 0.97:
        root.append(("model" if rng.random() < 0.97 else rng.choice(["modle", "Model"]), _junk(rng) if rng.random() < noise / 3 else dict(model)))
    if rng.random() < 0.3:
        root.append((rng.choice(["training", "extends", "constructor"]), _junk(rng)))
    rng.shuffle(root)
    return dict(root)


class Pair:
    """Text written two ways at once, with one set of random choices: TOML 1.1, and TOML 1.0."""

    def __init__(self, v11: str, v10: str | None = None) -> None:
        self.v11 = v11
        self.v10 = v11 if v10 is None else v10

    def __add__(self, other: "Pair | str") -> "Pair":
        other = other if isinstance(other, Pair) else Pair(other)
        return Pair(self.v11 + other.v11, self.v10 + other.v10)

    @staticmethod
    def join(separator: str, parts: list["Pair"]) -> "Pair":
        return Pair(separator.join(p.v11 for p in parts), separator.join(p.v10 for p in parts))


_BARE = re.compile(r"[A-Za-z0-9_-]+")


def _string(rng: random.Random, text: str) -> Pair:
    """A basic string; the escape character as `\\e` in 1.1, and now and then a letter as `\\xHH`."""
    v11, v10 = ['"'], ['"']
    for char in text:
        if char == "\x1b":
            v11.append("\\e")
            v10.append("\\u001b")
        elif char in '"\\':
            v11.append("\\" + char)
            v10.append("\\" + char)
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            v11.append(f"\\u{ord(char):04x}")
            v10.append(f"\\u{ord(char):04x}")
        elif ord(char) < 0x80 and rng.random() < 0.08:
            v11.append(f"\\x{ord(char):02x}")
            v10.append(f"\\u{ord(char):04x}")
        else:
            v11.append(char)
            v10.append(char)
    return Pair("".join(v11) + '"', "".join(v10) + '"')


def _key(rng: random.Random, name: str) -> Pair:
    if _BARE.fullmatch(name) and rng.random() >= 0.05:
        return Pair(name)
    return _string(rng, name)


def _datetime(rng: random.Random, value: Any) -> Pair:
    """A date or time; where its seconds are zero, TOML 1.1 may leave them out."""
    full = value.isoformat()
    if isinstance(value, datetime):
        full = full.replace("+00:00", "Z")
        if rng.random() < 0.3:
            full = full.replace("T", " ")
    short = full
    has_time = isinstance(value, (time, datetime))
    if has_time and value.second == 0 and value.microsecond == 0 and rng.random() < 0.5:
        short = re.sub(r"(\d{2}:\d{2}):00", r"\1", full, count=1)
    return Pair(short, full)


def _float(value: float) -> str:
    text = repr(value)
    return {"nan": "nan", "inf": "inf", "-inf": "-inf"}.get(text, text)


def inline(rng: random.Random, value: Any) -> Pair:
    """A value written in one piece: tables inline, over several lines now and then in TOML 1.1."""
    if isinstance(value, bool):
        return Pair("true" if value else "false")
    if isinstance(value, int):
        return Pair(str(value))
    if isinstance(value, float):
        return Pair(_float(value))
    if isinstance(value, str):
        return _string(rng, value)
    if isinstance(value, (date, time)):
        return _datetime(rng, value)
    if isinstance(value, list):
        return Pair("[") + Pair.join(", ", [inline(rng, item) for item in value]) + "]"
    entries = [_key(rng, key) + " = " + inline(rng, item) for key, item in value.items()]
    spread, trailing, comment = rng.random() < 0.3, rng.random() < 0.5, rng.random() < 0.3
    one_line = Pair("{ ") + Pair.join(", ", entries) + " }" if entries else Pair("{}")
    if not (spread and entries):
        return one_line
    body = ",\n".join("  " + entry.v11 for entry in entries) + ("," if trailing else "") + ("  # a comment" if comment else "")
    return Pair("{\n" + body + "\n}", one_line.v10)


class _Line:
    def __init__(self, key: Pair, value: Pair) -> None:
        self.key = key
        self.value = value

    def text(self) -> Pair:
        return self.key + " = " + self.value


class _Section:
    def __init__(self, header: Pair | None, path: tuple[str, ...]) -> None:
        self.header = header
        self.path = path
        self.lines: list[_Line] = []
        self.comment = False


def render(document: dict[str, Any], rng: random.Random) -> Pair:
    """A document as a TOML file written in the ways people write them: tables as headers (in
    any order), inline tables or dotted keys; then, now and then, a key set twice, a table
    header repeated, a date where a value was, comments, a syntax slip."""
    root = _Section(None, ())
    sections: list[_Section] = []

    def emit(table: dict[str, Any], path: tuple[str, ...], section: _Section, prefix: Pair) -> None:
        for name, value in table.items():
            key = _key(rng, name)
            style = rng.choice(["header", "header", "inline", "dotted"])
            if isinstance(value, dict) and style == "header" and not prefix.v11:
                child = _Section(Pair("[") + Pair.join(".", [_key(rng, part) for part in (*path, name)]) + "]", (*path, name))
                sections.append(child)
                emit(value, (*path, name), child, Pair(""))
            elif isinstance(value, dict) and style == "dotted" and value:
                emit(value, path, section, prefix + key + ".")
            else:
                section.lines.append(_Line(prefix + key, inline(rng, value)))

    emit(document, (), root, Pair(""))
    if rng.random() < 0.3:
        rng.shuffle(sections)
    with_lines = [section for section in [root, *sections] if section.lines]
    if with_lines and rng.random() < 0.15:
        section = rng.choice(with_lines)
        line = rng.choice(section.lines)
        again = line if rng.random() < 0.5 else _Line(line.key, Pair(rng.choice(['"none"', "true", '"int8"', "1"])))
        section.lines.insert(rng.randrange(len(section.lines) + 1), again)
    # Only a header with no sub-table below it is repeated: the oracle's reader accepts a
    # header given twice after a sub-table's (its README, point 3).
    leaves = [s for s in sections if not any(o.path[: len(s.path)] == s.path and o is not s for o in sections)]
    if leaves and rng.random() < 0.05:
        section = rng.choice(leaves)
        repeat = _Section(section.header, section.path)
        repeat.lines = section.lines[:1]
        sections.append(repeat)
    if with_lines and rng.random() < 0.05:
        section = rng.choice(with_lines)
        i = rng.randrange(len(section.lines))
        section.lines[i] = _Line(section.lines[i].key, _datetime(rng, rng.choice(DATES)))
    if with_lines and rng.random() < 0.1:
        rng.choice(with_lines).comment = True
    slip = rng.random() < 0.02
    blocks: list[Pair] = []
    for section in [root, *sections]:
        lines = ([section.header] if section.header else []) + (["# a comment = not a key"] if section.comment else [])
        parts = [Pair(line) if isinstance(line, str) else line for line in lines] + [line.text() for line in section.lines]
        if section.comment and section.lines:
            parts[-1] = parts[-1] + "  # trailing comment"
        blocks.append(Pair.join("\n", parts))
    if slip:
        blocks.insert(rng.randrange(len(blocks) + 1), Pair("x = = 1"))
    return Pair.join("\n\n", blocks) + "\n"
