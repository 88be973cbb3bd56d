"""The issues of one config value, in the order the trainer reports them."""

from __future__ import annotations

import math
import unicodedata
from datetime import date, time
from decimal import Decimal
from functools import lru_cache
from typing import Any

from jsonschema import Draft7Validator, ValidationError

from ._schema import ROOTS, SCHEMA_FILES, Issue, Target, field_name, pointer, pointer_tokens, schema
from ._meant import meant_name
from ._toml import datetime_text
from ._unknown import unknown_keys


@lru_cache(maxsize=None)
def _validator(target: str) -> Draft7Validator:
    return Draft7Validator(schema(target))  # type: ignore[arg-type]


@lru_cache(maxsize=None)
def _rule_order(target: str) -> dict[str, int]:
    """Each rule message's position in the schema read with every `$ref` in place: the struct
    rules (quant's, then rho's) before the document's own, each in the trainer's order."""
    document = schema(target)  # type: ignore[arg-type]
    definitions = document.get("definitions", {})
    order: dict[str, int] = {}

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            message = node.get("errorMessage")
            if isinstance(message, str):
                order.setdefault(message, len(order))
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/definitions/"):
                walk(definitions[ref.removeprefix("#/definitions/")])
            for key, value in node.items():
                if key != "definitions":
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(document)
    return order


def validate(value: Any, target: Target = "config", *, strict: bool = False) -> list[Issue]:
    """The issues of a config value, in the order the trainer reports them (empty when valid).

    ``target`` is ``"config"`` for a whole document (``model.quant`` and ``model.rho``
    checked, every other key left alone), ``"quant"`` or ``"rho"`` for one table. The first
    issue is the one the trainer reports; the rest follow as it would report them, one at a
    time, as each is fixed: every shape error first, then the rules in ``validate()`` order.
    ``strict`` adds the keys Rust ignores that ``unknown_keys`` finds, after them.
    """
    issues = _rust_issues(value, target)
    if strict:
        issues += unknown_keys(value, target)
    return issues


def _rust_issues(value: Any, target: Target) -> list[Issue]:
    if target not in SCHEMA_FILES:
        raise ValueError(f"unknown target {target!r}: expected one of {', '.join(SCHEMA_FILES)}")
    shape: dict[str, ValidationError] = {}
    rules: list[tuple[int, Issue]] = []
    order = _rule_order(target)
    for error in _validator(target).iter_errors(_as_serde_sees(value, SERDE_DEPTH[target])):
        at = pointer(error.absolute_path)
        if _is_rule_failure(error):
            rules.append((order[error.schema["errorMessage"]], Issue("validate", at, error.schema["errorMessage"])))
        elif at not in shape or error.validator == "enum":
            shape[at] = error
    root = ROOTS[target]
    issues = []
    for at, error in shape.items():
        message, suggestion = _shape_message(error, at, root, _written(value, at))
        issues.append(Issue("deserialize", at, message, suggestion=suggestion))
    return sorted(issues, key=_serde_place) + [issue for _, issue in sorted(rules, key=lambda rule: rule[0])]


def _written(value: Any, at: str) -> Any:
    """The value at a pointer, as given."""
    for token in pointer_tokens(at):
        if isinstance(value, dict):
            value = value.get(token)
        elif isinstance(value, list) and token.isdigit() and int(token) < len(value):
            value = value[int(token)]
        else:
            return None
    return value


#: How deep below each target's root a value can stand that serde reads: a list item in
#: `model.quant.saved_activations`'s neighbours (`model.quant.target_modules[0]`) is the deepest.
SERDE_DEPTH = {"config": 4, "quant": 2, "rho": 1}


def _as_serde_sees(value: Any, depth: int) -> Any:
    """The value with each date and time as the string serde sees in the trainer (its toml
    hands a datetime to serde as its text), down to `depth` levels below; deeper values are
    ones serde ignores."""
    if isinstance(value, (date, time)):
        return datetime_text(value)
    if depth < 0:
        return value
    if isinstance(value, dict):
        return {key: _as_serde_sees(item, depth - 1) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_serde_sees(item, depth - 1) for item in value]
    return value


def _is_rule_failure(error: ValidationError) -> bool:
    """A rule failure carries its message twice: as `errorMessage` and as the failing keyword's value."""
    schema_ = error.schema
    return isinstance(schema_, dict) and schema_.get("errorMessage") == error.validator_value


QUOTE_LIMIT = 60


def _cut(text: str) -> str:
    """A value's text cut short at 60 UTF-16 code units, as the Node package cuts it, so that a
    huge value keeps the message short."""
    units = text.encode("utf-16-le", "surrogatepass")
    if len(units) <= 2 * QUOTE_LIMIT:
        return text
    return units[: 2 * QUOTE_LIMIT].decode("utf-16-le", "surrogatepass") + "…"


_NAMED_ESCAPES = {"\0": "\\0", "\t": "\\t", "\r": "\\r", "\n": "\\n", '"': '\\"', "\\": "\\\\"}
_SPACES = {"\u00a0", "\u1680", *map(chr, range(0x2000, 0x200B)), "\u202f", "\u205f", "\u3000"}


def _escaped(char: str) -> bool:
    """Whether Rust's `Debug` writes a character escaped: controls, format characters,
    surrogates, private and unassigned code points, separators other than the space, and
    combining marks."""
    return char in _NAMED_ESCAPES or char in _SPACES or unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp", "Mn", "Me")


def quote(text: str) -> str:
    """A string as Rust's `Debug` writes it, which serde's `invalid type: string "…"` quotes."""
    shown = _cut(text)
    return '"' + "".join(_NAMED_ESCAPES.get(c, f"\\u{{{ord(c):x}}}") if _escaped(c) else c for c in shown) + '"'


def one_of(names: list[str]) -> str:
    """serde's list of what it expected: `` `a` ``, `` `a` or `b` ``, `` one of `a`, `b`, `c` ``."""
    shown = [f"`{name}`" for name in names]
    if len(shown) <= 1:
        return "".join(shown)
    if len(shown) == 2:
        return f"{shown[0]} or {shown[1]}"
    return "one of " + ", ".join(shown)


def describe(value: Any) -> str:
    """A value found where it does not belong, in serde's words: ``integer `1` ``,
    ``floating point `1.5` ``, ``sequence``, ``map``."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"boolean `{'true' if value else 'false'}`"
    if isinstance(value, str):
        return f"string {quote(value)}"
    if isinstance(value, int):
        return f"integer `{value}`" if -(2**63) <= value < 2**64 else describe(float(value))
    if isinstance(value, float):
        digits = _rust_float(value)
        return f"floating point `{digits + '.0' if math.isfinite(value) and '.' not in digits else digits}`"
    if isinstance(value, list):
        return "sequence"
    if isinstance(value, dict):
        return "map"
    return f"a {type(value).__name__}"


def _rust_float(value: float) -> str:
    """Rust's `Display` for f64: the shortest digits that read back as the number, no exponent."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "inf" if value > 0 else "-inf"
    if value == 0:
        return "-0" if math.copysign(1, value) < 0 else "0"
    text = format(Decimal(repr(value)), "f")
    return text[:-2] if text.endswith(".0") else text


#: serde's name of the tables of the document around the structs, as the trainer reads a TOML
#: config (the names the Node package gives them; the published schema files name the structs only).
DOCUMENT_TABLES = {(): "TrainerDoc", ("model",): "ModelOverrides", ("model", "quant", "saved_activations"): "LowBitSavedActivationConfig"}
LIST_FOR_STRUCT = " (write a table here: the trainer reads a list in place of a struct as its fields in order, which this check refuses)"
MAP_FOR_ENUM = " (write the variant as a string: the map form of an enum is not supported)"
#: What the trainer's toml 0.9 says of a value that is not a string where an enum belongs.
NOT_A_STRING = "invalid type: unit variant, expected string only"


@lru_cache(maxsize=None)
def _struct_names() -> dict[tuple[str, ...], str]:
    """Each struct's Rust type name, by its path in a document: the published whole-config
    file's definitions, named where it refers to them."""
    names = dict(DOCUMENT_TABLES)
    for name, at in schema("config")["properties"]["model"]["properties"].items():
        ref = at.get("$ref", "")
        if ref.startswith("#/definitions/"):
            names[("model", name)] = ref.removeprefix("#/definitions/")
    return names


def _toml_type(value: Any) -> str:
    if isinstance(value, list):
        return "array"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "float"
    return "string" if isinstance(value, str) else type(value).__name__


def _map_for_enum(table: dict[str, Any], variants: list[str]) -> str:
    """A table where an enum belongs: the trainer's toml 0.9 reads it as `{ variant = … }` and
    says why it cannot where it cannot; where it can, the package refuses the form."""
    keys = list(table)
    if len(keys) != 1:
        return f"wanted exactly 1 element, {'found 0 elements' if not keys else 'more than 1 element'}"
    first = keys[0]
    if first not in variants:
        return f"unknown variant `{_cut(first)}`, expected {one_of(variants)}"
    inner = table[first]
    if not isinstance(inner, dict):
        return f"expected table, found {_toml_type(inner)}"
    if inner:
        return "expected empty table"
    return f"invalid type: map, expected {one_of(variants)}{MAP_FOR_ENUM}"


def _shape_message(error: ValidationError, at: str, root: tuple[str, ...], written: Any) -> tuple[str, str | None]:
    """What the trainer's serde says of a value of the wrong shape, after the field's name, and
    the variant a misspelt one most likely meant. `written` is the value as read, where a date
    or time is not yet the string serde sees."""
    field = field_name(at, root)
    value = error.instance
    if error.validator == "enum":
        variants = [v for v in error.validator_value if isinstance(v, str)]
        dated = isinstance(written, (date, time))
        if isinstance(value, str) and not dated:
            message = f"{field}: unknown variant `{_cut(value)}`, expected {one_of(variants)}"
            suggestion = meant_name(value, variants)
            return (message, None) if suggestion is None else (f"{message}; did you mean `{_cut(suggestion)}`?", suggestion)
        if isinstance(value, dict):
            return (f"{field}: {_map_for_enum(value, variants)}", None)
        given = f"datetime `{_cut(value)}`" if dated else describe(value)
        return (f"{field}: {NOT_A_STRING} (found {given} where a string is expected: {one_of(variants)})", None)
    kind = error.validator_value if error.validator == "type" else None
    if kind == "object":
        name = _struct_names().get((*root, *pointer_tokens(at)))
        expected = f"struct {name}" if name else "a table"
        return (f"{field}: invalid type: {describe(value)}, expected {expected}{LIST_FOR_STRUCT if isinstance(value, list) else ''}", None)
    if kind == "array":
        return (f"{field}: invalid type: {describe(value)}, expected a sequence", None)
    if kind == "boolean":
        return (f"{field}: invalid type: {describe(value)}, expected a boolean", None)
    return (f"{field}: {error.message}", None)


def _serde_place(issue: Issue) -> tuple[tuple[int, Any], ...]:
    """Where serde meets a field: depth first, each table's keys sorted (the trainer's
    `toml::Table` is a BTreeMap), list items by index."""
    return tuple((0, int(token)) if token.isascii() and token.isdigit() else (1, token) for token in pointer_tokens(issue.path))
