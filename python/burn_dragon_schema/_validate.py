"""The issues of one config value, in the order the trainer reports them."""

from __future__ import annotations

import json
import math
from datetime import date, time
from decimal import Decimal
from functools import lru_cache
from typing import Any

from jsonschema import Draft7Validator, ValidationError

from ._schema import ROOTS, SCHEMA_FILES, Issue, Target, field_name, pointer, schema
from ._toml import datetime_text
from ._unknown import unknown_keys

QUOTE_LIMIT = 60


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
    issues = [Issue("deserialize", at, _shape_message(error, at, root)) for at, error in shape.items()]
    return issues + [issue for _, issue in sorted(rules, key=lambda rule: rule[0])]


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


def _quote(text: str) -> str:
    cut = text[:QUOTE_LIMIT] + "…" if len(text) > QUOTE_LIMIT else text
    return json.dumps(cut, ensure_ascii=False)


def describe(value: Any) -> str:
    """A value found where it does not belong, in serde's words: ``integer `1` ``, ``sequence``, ``map``."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"boolean `{'true' if value else 'false'}`"
    if isinstance(value, str):
        return f"string {_quote(value)}"
    if isinstance(value, int):
        return f"integer `{value}`"
    if isinstance(value, float):
        return f"floating point `{_rust_float(value)}`"
    if isinstance(value, list):
        return "sequence"
    if isinstance(value, dict):
        return "map"
    return f"a {type(value).__name__}"


def _rust_float(value: float) -> str:
    """A float as Rust's `Display` prints it: the shortest digits, no exponent (`1e21` in full)."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "inf" if value > 0 else "-inf"
    text = format(Decimal(repr(value)), "f")
    return text[:-2] if text.endswith(".0") else text


ARRAY_FORM = " (the array form of a struct is not supported)"
MAP_FORM = " (write the variant as a string; the map form of an enum is not supported)"
EXPECTED = {"object": "a table", "array": "a sequence", "boolean": "a boolean", "string": "a string"}


def _shape_message(error: ValidationError, pointer: str, root: tuple[str, ...]) -> str:
    """What serde says of a value of the wrong shape, naming the field and what belongs there."""
    field = field_name(pointer, root)
    value = error.instance
    if error.validator == "enum":
        allowed = "one of " + ", ".join("null" if v is None else _quote(str(v)) for v in error.validator_value)
        if isinstance(value, str):
            return f"{field}: unknown variant {_quote(value)}, expected {allowed}"
        return f"{field}: invalid type: {describe(value)}, expected {allowed}{MAP_FORM if isinstance(value, dict) else ''}"
    if error.validator == "type" and isinstance(error.validator_value, str):
        expected = EXPECTED.get(error.validator_value, error.validator_value)
        array_form = ARRAY_FORM if error.validator_value == "object" and isinstance(value, list) else ""
        return f"{field}: invalid type: {describe(value)}, expected {expected}{array_form}"
    return f"{field}: {error.message}"
