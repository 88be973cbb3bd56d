"""`validate()` against every object and TOML vector: Rust's verdict, stage and message."""

from __future__ import annotations

import tomllib
from typing import Any

import pytest

from burn_dragon_schema import Issue, validate
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


@pytest.mark.parametrize("vector", read_vectors("objects.jsonl"), ids=lambda v: f"objects-{v['id']}-{v['target']}")
def test_object_vector(vector: dict[str, Any]) -> None:
    assert_rust_verdict(validate(vector["value"], TARGETS[vector["target"]]), vector["expect"])  # type: ignore[arg-type]


@pytest.mark.parametrize("vector", read_vectors("toml-text.jsonl"), ids=lambda v: f"toml-{v['id']}")
def test_toml_vector(vector: dict[str, Any]) -> None:
    assert_rust_verdict(validate(tomllib.loads(vector["text"])), vector["expect"])


def test_rules_after_shape_errors_and_in_rust_order() -> None:
    issues = validate(
        {"model": {"quant": {"enable": True, "protocol": "bitnet_b158", "act_grouping": "per_group", "weight_grouping": "per_group"}, "rho": {"precision": "FP8"}}}
    )
    assert [issue.stage for issue in issues] == ["deserialize", "validate", "validate"]
    assert issues[0].message.startswith('model.rho.precision: unknown variant "FP8", expected one of "fp32", "bf16"')
    assert [issue.path for issue in issues[1:]] == ["/model/quant/act_grouping", "/model/quant/weight_grouping"]


def test_wrong_shape_names_the_field_and_the_allowed_values() -> None:
    (issue,) = validate({"model": {"quant": {"target_modules": ["encoder", 3]}}})
    assert issue.stage == "deserialize"
    assert issue.path == "/model/quant/target_modules/1"
    assert issue.message.startswith('model.quant.target_modules[1]: invalid type: integer `3`, expected one of "')


def test_an_omitted_field_is_reported_at_its_table() -> None:
    (issue,) = validate({"model": {"quant": {"enable": True}}})
    assert (issue.path, issue.key_path) == ("/model/quant", "model.quant")
    assert issue.message == 'model.quant.protocol must not be "none" when model.quant.enable = true'


def test_an_unknown_target_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown target"):
        validate({}, "model")  # type: ignore[arg-type]
