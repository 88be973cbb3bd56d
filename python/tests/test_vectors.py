"""`validate()` against every object vector and `validate_text()` against every TOML vector:
Rust's verdict, stage and message; and the keys Rust ignores, which only `strict` reports."""

from __future__ import annotations

from typing import Any

import pytest

from burn_dragon_schema import Issue, schema, unknown_keys, validate, validate_text
from conftest import read_vectors

TARGETS = {"quant": "quant", "rho": "rho", "model": "config"}


def assert_rust_verdict(issues: list[Issue], expect: dict[str, Any]) -> None:
    if expect["valid"]:
        assert issues == []
    elif expect["stage"] == "validate":
        assert issues, "Rust rejects this"
        assert (issues[0].stage, issues[0].message) == ("validate", expect["message"])
    else:
        assert issues, "Rust rejects this"
        assert issues[0].stage == "deserialize"


OBJECTS = [*read_vectors("objects.jsonl"), *read_vectors("named.jsonl")]


@pytest.mark.parametrize("vector", OBJECTS, ids=lambda v: f"objects-{v['id']}-{v['target']}")
def test_object_vector(vector: dict[str, Any]) -> None:
    target = TARGETS[vector["target"]]
    lenient = validate(vector["value"], target)  # type: ignore[arg-type]
    assert_rust_verdict(lenient, vector["expect"])
    # Under strict, the keys Rust ignores come after Rust's own issues, which stay first.
    strict = validate(vector["value"], target, strict=True)  # type: ignore[arg-type]
    assert strict[: len(lenient)] == lenient
    assert all(issue.stage == "deserialize" and ": unknown field `" in issue.message for issue in strict[len(lenient) :])


@pytest.mark.parametrize("vector", read_vectors("toml-text.jsonl"), ids=lambda v: f"toml-{v['id']}")
def test_toml_vector(vector: dict[str, Any]) -> None:
    assert_rust_verdict(validate_text(vector["text"]), vector["expect"])


def test_rules_after_shape_errors_and_in_rust_order() -> None:
    issues = validate(
        {"model": {"quant": {"enable": True, "protocol": "bitnet_b158", "act_grouping": "per_group", "weight_grouping": "per_group"}, "rho": {"precision": "FP8"}}}
    )
    assert [issue.stage for issue in issues] == ["deserialize", "validate", "validate"]
    assert issues[0].message.startswith("model.rho.precision: unknown variant `FP8`, expected one of `fp32`, `bf16`")
    assert [issue.path for issue in issues[1:]] == ["/model/quant/act_grouping", "/model/quant/weight_grouping"]


def test_wrong_shape_names_the_field_and_the_allowed_values() -> None:
    (issue,) = validate({"model": {"quant": {"target_modules": ["encoder", 3]}}})
    assert issue.stage == "deserialize"
    assert issue.path == "/model/quant/target_modules/1"
    assert issue.message.startswith("model.quant.target_modules[1]: invalid type: unit variant, expected string only (found integer `3`")


def test_shape_errors_in_the_order_serde_meets_the_keys_sorted() -> None:
    """The trainer's `toml::Table` is a BTreeMap: of two bad fields, serde names the first in
    sorted order (the oracle README's example: `protocol = 1` then `enable = 2` names `enable`)."""
    issues = validate_text("[model.quant]\nprotocol = 1\nenable = 2\n")
    assert [issue.path for issue in issues] == ["/model/quant/enable", "/model/quant/protocol"]


def test_an_omitted_field_is_reported_at_its_table() -> None:
    (issue,) = validate({"model": {"quant": {"enable": True}}})
    assert (issue.path, issue.key_path) == ("/model/quant", "model.quant")
    assert issue.message == 'model.quant.protocol must not be "none" when model.quant.enable = true'


def test_an_unknown_target_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown target"):
        validate({}, "model")  # type: ignore[arg-type]


#: A key Rust ignores, at a path: the table it is in, and the field it is one typo away from
#: (None: none is near, and the message lists the table's fields).
TYPOS: list[tuple[tuple[str, ...], str, str | None]] = [
    (("model",), "qaunt", "quant"),
    (("model",), "RHO", "rho"),
    ((), "mdoel", "model"),
    (("model", "quant"), "weight_fromat", "weight_format"),
    (("model", "quant", "saved_activations"), "mod", "mode"),
    (("model", "rho"), "learning_rate", None),
]


@pytest.mark.parametrize(("table", "key", "meant"), TYPOS)
def test_keys_rust_ignores_are_reported_under_strict_only(table: tuple[str, ...], key: str, meant: str | None) -> None:
    document: dict[str, Any] = {key: {}}
    for name in reversed(table):
        document = {name: document}
    fields = schema("config")["definitions"]["LowBitRhoConfig"]["properties"]
    hint = f"did you mean `{meant}`?" if meant else "the fields are " + ", ".join(f"`{name}`" for name in fields)
    assert validate(document) == []
    (issue,) = validate(document, strict=True)
    where = ".".join(table) or "the config"
    assert (issue.stage, issue.path, issue.message) == ("deserialize", "".join(f"/{k}" for k in (*table, key)), f"{where}: unknown field `{key}`, {hint}")
    assert unknown_keys(document) == [issue]


@pytest.mark.parametrize("key", ["n_layer", "quantile", "row", "attention_residual", "models_dir"])
def test_other_keys_of_the_open_tables_stay_silent(key: str) -> None:
    for document in ({key: 1}, {"model": {key: 1}}):
        assert validate(document, strict=True) == []
