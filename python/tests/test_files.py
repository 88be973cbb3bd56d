"""`validate_file()` and `load_config()`: TOML files and `extends` read as the trainer reads them,
checked against the Rust oracle's `trainer-files` target (the trainer's own loader)."""

from __future__ import annotations

import json
import math
import os
from pathlib import Path
from typing import Any

import pytest

from burn_dragon_schema import ConfigFileError, SCHEMA_FILES, load_config, schema, validate_file
from conftest import REPO, UPSTREAM, Oracle

QUANT_OK = '[model.quant]\nenable = true\nprotocol = "bitnet_b158"\n'

#: Each case: its files, and the one to check.
CASES: dict[str, tuple[dict[str, str], str]] = {
    "no extends": ({"run.toml": QUANT_OK}, "run.toml"),
    "extends as a string": (
        {"base.toml": QUANT_OK, "run.toml": 'extends = "base.toml"\n[model.rho]\nprecision = "fp8_exp"\n'},
        "run.toml",
    ),
    "extends as a list, merged in order, the file on top": (
        {
            "a.toml": '[model.quant]\nenable = true\nprotocol = "none"\n',
            "b.toml": '[model.quant]\nprotocol = "bitnet_b158"\nact_grouping = "per_group"\n',
            "run.toml": 'extends = ["a.toml", "b.toml"]\n[model.quant]\nact_grouping = "per_token"\n',
        },
        "run.toml",
    ),
    "a base's rule violation": (
        {"shared/low-bit.toml": QUANT_OK + 'weight_grouping = "per_group"\n', "config/run.toml": 'extends = ["../shared/low-bit.toml"]\n'},
        "config/run.toml",
    ),
    "bases of bases, relative to each file's folder": (
        {
            "shared/base.toml": '[model.rho]\ncompression = "int8_block_exp"\n',
            "shared/mid.toml": 'extends = "base.toml"\n[model.rho]\ncompression_interval = "step"\n',
            "config/run.toml": 'extends = "../shared/mid.toml"\n',
        },
        "config/run.toml",
    ),
    "lists are replaced, not merged": (
        {
            "base.toml": QUANT_OK + 'strict_bitnet_reference = true\ntarget_modules = ["encoder"]\n',
            "run.toml": 'extends = "base.toml"\n[model.quant]\ntarget_modules = []\n',
        },
        "run.toml",
    ),
    "a table whose string `type` changes starts empty": (
        {
            "base.toml": '[model]\ntype = "a"\n[model.quant]\nenable = true\nprotocol = "none"\n',
            "run.toml": 'extends = "base.toml"\n[model]\ntype = "b"\n',
        },
        "run.toml",
    ),
    "the same `type` keeps the base table": (
        {
            "base.toml": '[model]\ntype = "a"\n[model.quant]\nenable = true\nprotocol = "none"\n',
            "run.toml": 'extends = "base.toml"\n[model]\ntype = "a"\n',
        },
        "run.toml",
    ),
    "a `type` where the base has none clears a non-empty base": (
        {
            "base.toml": '[optimizer]\nlr = 1.0\n[model.quant]\nenable = true\nprotocol = "none"\n',
            "run.toml": 'extends = "base.toml"\n[optimizer]\ntype = "adam"\n',
        },
        "run.toml",
    ),
    "training.fast_train in a base": (
        {"base.toml": "[training]\nfast_train = true\n", "run.toml": 'extends = "base.toml"\n' + QUANT_OK},
        "run.toml",
    ),
    "training.fast_train deep in a list of tables": (
        {"run.toml": "[[runs]]\nname = 'x'\n[runs.training]\nfast_train = false\n"},
        "run.toml",
    ),
    "an extends cycle": (
        {"a.toml": 'extends = "b.toml"\n', "b.toml": 'extends = "a.toml"\n'},
        "a.toml",
    ),
    "a missing base": ({"run.toml": 'extends = "missing.toml"\n'}, "run.toml"),
    "extends of the wrong type": ({"run.toml": "extends = 5\n"}, "run.toml"),
    "an extends entry of the wrong type": ({"run.toml": 'extends = ["a.toml", 1]\n', "a.toml": ""}, "run.toml"),
    "a base that is not TOML": ({"base.toml": "[model.quant\n", "run.toml": 'extends = "base.toml"\n'}, "run.toml"),
    "a wrong type from a base": (
        {"base.toml": "[model.quant]\nenable = 1\n", "run.toml": 'extends = "base.toml"\n'},
        "run.toml",
    ),
}


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")


def as_oracle_json(value: Any) -> Any:
    """A merged document as the oracle writes it: keys sorted, non-finite floats as strings."""
    if isinstance(value, dict):
        return {key: as_oracle_json(value[key]) for key in sorted(value)}
    if isinstance(value, list):
        return [as_oracle_json(item) for item in value]
    if isinstance(value, float) and not math.isfinite(value):
        return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")
    return value


def assert_trainer_verdict(oracle: Oracle, entry: Path) -> None:
    rust = oracle.ask("trainer-files", [str(entry)])
    try:
        issues = validate_file(entry)
    except ConfigFileError as problem:
        assert not rust["ok"] and rust["stage"] in ("load", "parse"), f"Rust accepts what Python refused: {problem}"
        return
    if rust["ok"]:
        assert issues == []
        assert as_oracle_json(load_config(entry)) == rust["merged"]
    elif rust["stage"] == "parse":
        assert issues and issues[0].stage == "deserialize", rust["message"]
    else:
        assert issues, rust["message"]
        assert (issues[0].stage, issues[0].message) == (rust["stage"], rust["message"])


@pytest.mark.parametrize("name", list(CASES))
def test_as_the_trainer_loads(name: str, tmp_path: Path, oracle: Oracle) -> None:
    files, entry = CASES[name]
    write(tmp_path, files)
    assert_trainer_verdict(oracle, tmp_path / entry)


def test_extends_relative_to_the_real_folder(tmp_path: Path, oracle: Oracle) -> None:
    """A symbolic link's `extends` is read from the folder of the file it points to."""
    write(tmp_path, {"real/base.toml": '[model.rho]\nprecision = "fp8_exp"\n', "real/run.toml": 'extends = "base.toml"\n'})
    (tmp_path / "link").mkdir()
    os.symlink(tmp_path / "real" / "run.toml", tmp_path / "link" / "run.toml")
    assert_trainer_verdict(oracle, tmp_path / "link" / "run.toml")
    assert [issue.stage for issue in validate_file(tmp_path / "link" / "run.toml")] == ["validate"]


@pytest.mark.parametrize("entry", sorted(UPSTREAM.rglob("*.toml")), ids=lambda p: str(p.relative_to(UPSTREAM)))
def test_upstream_configs(entry: Path, oracle: Oracle) -> None:
    assert_trainer_verdict(oracle, entry)


def test_upstream_chain_is_valid() -> None:
    assert validate_file(UPSTREAM / "config/language/baselines/current_best_bitnet.toml") == []


def test_each_issue_names_the_file_that_set_the_value(tmp_path: Path) -> None:
    files, entry = CASES["a base's rule violation"]
    write(tmp_path, files)
    (issue,) = validate_file(tmp_path / entry)
    assert issue.file is not None and Path(issue.file).resolve() == (tmp_path / "shared/low-bit.toml").resolve()
    assert issue.key_path == "model.quant.weight_grouping"


def test_a_cycle_names_the_chain(tmp_path: Path) -> None:
    files, entry = CASES["an extends cycle"]
    write(tmp_path, files)
    with pytest.raises(ConfigFileError, match=r"extends cycle: .*a\.toml -> .*b\.toml -> .*a\.toml"):
        validate_file(tmp_path / entry)


def test_invalid_toml_gives_line_and_column(tmp_path: Path) -> None:
    write(tmp_path, {"bad.toml": '[model.quant]\nenable = true\nprotocol = \n'})
    with pytest.raises(ConfigFileError) as raised:
        validate_file(tmp_path / "bad.toml")
    assert (raised.value.line, raised.value.column) == (3, 12)
    assert raised.value.message.startswith("invalid TOML: ")


def test_without_extends_the_key_is_left_alone(tmp_path: Path) -> None:
    write(tmp_path, {"run.toml": 'extends = "missing.toml"\n' + QUANT_OK})
    assert validate_file(tmp_path / "run.toml", extends=False) == []


@pytest.mark.parametrize("target", list(SCHEMA_FILES))
def test_the_package_ships_the_published_schema_files(target: str) -> None:
    published = json.loads((REPO / "schema" / SCHEMA_FILES[target]).read_text(encoding="utf-8"))
    assert schema(target) == published  # type: ignore[arg-type]
