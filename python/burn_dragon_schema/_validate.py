"""The published JSON Schema files, and the issues of one config value in the trainer's order."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable, Literal

from jsonschema import Draft7Validator, ValidationError

Target = Literal["config", "quant", "rho"]

#: The schema file each target is checked with (the same three files as `schema/` in the repository).
SCHEMA_FILES: dict[str, str] = {
    "config": "burn-dragon-config.schema.json",
    "quant": "low-bit-quantization-config.schema.json",
    "rho": "low-bit-rho-config.schema.json",
}

#: Where each target's value sits in a config document, for naming fields.
ROOTS: dict[str, tuple[str, ...]] = {"config": (), "quant": ("model", "quant"), "rho": ("model", "rho")}

QUOTE_LIMIT = 60


@dataclass(frozen=True)
class Issue:
    """One thing the trainer rejects.

    ``stage`` is ``"deserialize"`` (a value of the wrong shape, which serde rejects before any
    rule runs), ``"validate"`` (a broken ``validate()`` rule: ``message`` is the trainer's),
    ``"load"`` (the trainer's config loader rejects the merged file) or ``"parse"`` (the file
    is not TOML that ``tomllib`` reads). ``path`` is a JSON Pointer into the (merged)
    document. For files, ``file`` is the file that set the value, and ``line``/``column``
    are known where ``tomllib`` gives them (syntax errors); otherwise ``key_path`` names the key.
    """

    stage: str
    path: str
    message: str
    file: str | None = None
    line: int | None = None
    column: int | None = None

    @property
    def key_path(self) -> str:
        """The dotted key of ``path``, as a config author writes it (``model.quant.protocol``)."""
        return ".".join(pointer_tokens(self.path))


def schema(target: Target = "config") -> dict[str, Any]:
    """The published schema document of ``target``, as shipped in the package."""
    return json.loads(_schema_text(SCHEMA_FILES[target]))


@lru_cache(maxsize=None)
def _schema_text(name: str) -> str:
    return resources.files(__package__).joinpath("schema").joinpath(name).read_text(encoding="utf-8")


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


def validate(value: Any, target: Target = "config") -> list[Issue]:
    """The issues of a config value, in the order the trainer reports them (empty when valid).

    ``target`` is ``"config"`` for a whole document (``model.quant`` and ``model.rho``
    checked, every other key left alone), ``"quant"`` or ``"rho"`` for one table. The first
    issue is the one the trainer reports; the rest follow as it would report them, one at a
    time, as each is fixed: every shape error first, then the rules in ``validate()`` order.
    """
    if target not in SCHEMA_FILES:
        raise ValueError(f"unknown target {target!r}: expected one of {', '.join(SCHEMA_FILES)}")
    shape: dict[str, ValidationError] = {}
    rules: list[tuple[int, Issue]] = []
    order = _rule_order(target)
    for error in _validator(target).iter_errors(value):
        pointer = _pointer(error.absolute_path)
        if _is_rule_failure(error):
            rules.append((order[error.schema["errorMessage"]], Issue("validate", pointer, error.schema["errorMessage"])))
        elif pointer not in shape or error.validator == "enum":
            shape[pointer] = error
    root = ROOTS[target]
    issues = [Issue("deserialize", pointer, _shape_message(error, pointer, root)) for pointer, error in shape.items()]
    return issues + [issue for _, issue in sorted(rules, key=lambda rule: rule[0])]


def _is_rule_failure(error: ValidationError) -> bool:
    """A rule failure carries its message twice: as `errorMessage` and as the failing keyword's value."""
    schema_ = error.schema
    return isinstance(schema_, dict) and schema_.get("errorMessage") == error.validator_value


def _pointer(path: Iterable[Any]) -> str:
    return "".join("/" + str(token).replace("~", "~0").replace("/", "~1") for token in path)


def pointer_tokens(pointer: str) -> list[str]:
    """The keys and list indices a JSON Pointer names, unescaped."""
    if pointer == "":
        return []
    return [token.replace("~1", "/").replace("~0", "~") for token in pointer[1:].split("/")]


def field_name(pointer: str, root: tuple[str, ...] = ()) -> str:
    """A pointer as a config author writes the field: ``model.quant.target_modules[1]``."""
    name = ""
    for i, token in enumerate([*root, *pointer_tokens(pointer)]):
        if token.isdigit():
            name += f"[{token}]"
        else:
            name += token if i == 0 else f".{token}"
    return name or "the config"


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
