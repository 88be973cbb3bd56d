"""Keys Rust ignores: unknown fields of its structs, and likely typos of the sections around them.

The field names come from the published schema files: a table a `$ref` names is a Rust struct
(`model.quant`, `model.rho`), and so is every table inside one (`saved_activations`); the
document and `model` around them are open tables, holding many keys of other sections.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ._meant import _units, meant_name
from ._schema import ROOTS, Issue, Target, field_name, pointer, schema


@dataclass(frozen=True)
class _Table:
    """A table of the schema: whether it is a Rust struct, and its fields (a field's table, or None)."""

    struct: bool
    fields: dict[str, "_Table | None"]


@lru_cache(maxsize=None)
def _shape(target: str) -> _Table:
    document = schema(target)  # type: ignore[arg-type]
    definitions = document.get("definitions", {})

    def table(node: dict[str, Any], struct: bool) -> _Table | None:
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/definitions/"):
            node, struct = definitions[ref.removeprefix("#/definitions/")], True
        properties = node.get("properties")
        if node.get("type") != "object" or not isinstance(properties, dict):
            return None
        return _Table(struct, {name: table(field, struct) for name, field in properties.items()})

    # The quant and rho files are each one Rust struct; the config file is the open document.
    root = table(document, target != "config")
    assert root is not None
    return root


def unknown_keys(value: Any, target: Target = "config") -> list[Issue]:
    """The keys of `value` that Rust ignores and that are likely mistakes, as issues of stage
    ``"deserialize"``: every key of `model.quant`, `model.rho` or `saved_activations` that no
    field is named after, and, in the document and `model`, keys one typo away from `model`,
    `quant` or `rho`, which would leave a whole section unread. In document order; each with
    its `suggestion` where one name is that close."""
    found: list[Issue] = []
    _visit(value, [], _shape(target), ROOTS[target], found)
    return found


def _visit(value: Any, tokens: list[str], table: _Table, root: tuple[str, ...], found: list[Issue]) -> None:
    if not isinstance(value, dict):
        return
    for key, item in value.items():
        at = [*tokens, key]
        if key in table.fields:
            inner = table.fields[key]
            if inner is not None:
                _visit(item, at, inner, root, found)
            continue
        here = field_name(pointer(tokens), root)
        if table.struct:
            found.append(_unknown_field(key, here, list(table.fields), pointer(at)))
            continue
        # Among the many keys an open table holds, only one a typo away from a section is one.
        suggestion = meant_name(key, list(table.fields))
        if suggestion is not None:
            found.append(Issue("deserialize", pointer(at), f"{here}: unknown field `{key}`, did you mean `{suggestion}`?", suggestion=suggestion))


def _unknown_field(key: str, table: str, fields: list[str], at: str) -> Issue:
    """An unknown key of a struct, with the field it most likely means, or failing that the
    nearest one, or the list of them."""
    suggestion = meant_name(key, fields)
    guess = suggestion if suggestion is not None else min(fields, key=lambda name: distance(key, name))
    near = suggestion is not None or distance(key.lower(), guess.lower()) <= max(2, len(_units(guess)) // 3)
    hint = f"did you mean `{guess}`?" if near else "the fields are " + ", ".join(f"`{name}`" for name in fields)
    return Issue("deserialize", at, f"{table}: unknown field `{key}`, {hint}", suggestion=suggestion)


def distance(a: str, b: str) -> int:
    """The Levenshtein distance between two texts, in UTF-16 code units."""
    x, y = _units(a), _units(b)
    previous = list(range(len(y) + 1))
    for i, unit in enumerate(x, 1):
        current = [i]
        for j, other in enumerate(y, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (unit != other)))
        previous = current
    return previous[-1]
