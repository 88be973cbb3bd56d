"""The official TOML conformance suite's 1.1 list (toml-lang/toml-test, see test/fixtures/toml-test/SOURCE),
which the trainer's toml 0.9 reads: every valid file read to the values the suite expects and
accepted, every invalid one refused (with one `invalid TOML: …` issue, or as not UTF-8 text);
and, where ../shared holds the Rust oracle, every case against its verdict, allowing only the
28 cases its own check lists as known differences from the trainer (its README, points 2 and 3).
"""

from __future__ import annotations

import ast
import json
import math
from collections import Counter
from datetime import date, datetime, time
from typing import Any

import pytest

from burn_dragon_schema import ConfigFileError, TomlError, check_file, read_toml, validate_text
from burn_dragon_schema._files import read_text
from conftest import ORACLE_DIR, TALLY, TOML_TEST, Oracle
from verdicts import ours, promised

LIST = [line for line in (TOML_TEST / "LIST").read_text(encoding="utf-8").splitlines() if line.endswith(".toml")]
VALID = [name for name in LIST if name.startswith("valid/")]
INVALID = [name for name in LIST if name.startswith("invalid/")]


def tagged(value: Any) -> Any:
    """A value in toml-test's tagged JSON: `{type, value}` for every scalar."""
    if isinstance(value, dict):
        return {key: tagged(item) for key, item in value.items()}
    if isinstance(value, list):
        return [tagged(item) for item in value]
    if isinstance(value, bool):
        return {"type": "bool", "value": "true" if value else "false"}
    if isinstance(value, int):
        return {"type": "integer", "value": str(value)}
    if isinstance(value, float):
        return {"type": "float", "value": value}
    if isinstance(value, str):
        return {"type": "string", "value": value}
    if isinstance(value, datetime):
        return {"type": "datetime" if value.tzinfo else "datetime-local", "value": value}
    if isinstance(value, date):
        return {"type": "date-local", "value": value}
    if isinstance(value, time):
        return {"type": "time-local", "value": value}
    raise TypeError(value)


def expected(node: Any) -> Any:
    """toml-test's expected JSON with its scalars read: numbers as numbers, dates as dates."""
    if isinstance(node, list):
        return [expected(item) for item in node]
    if set(node) == {"type", "value"} and isinstance(node["value"], str):
        kind, text = node["type"], node["value"]
        if kind == "integer":
            return {"type": kind, "value": str(int(text))}
        if kind == "float":
            return {"type": kind, "value": float(text)}
        if kind in ("datetime", "datetime-local", "date-local", "time-local"):
            return {"type": kind, "value": read_toml(f"v = {text}")["v"]}
        return {"type": kind, "value": text}
    return {key: expected(item) for key, item in node.items()}


def same(a: Any, b: Any) -> bool:
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    if isinstance(a, float) and isinstance(b, float):
        return a == b and math.copysign(1, a) == math.copysign(1, b)
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() == b.keys() and all(same(a[key], b[key]) for key in a)
    if isinstance(a, list):
        return isinstance(b, list) and len(a) == len(b) and all(map(same, a, b))
    return type(a) is type(b) and a == b


def text_of(name: str) -> str | None:
    """A case's text, or None where it is not UTF-8: the file reader refuses it before any TOML is read."""
    try:
        return read_text(str(TOML_TEST / name))
    except ConfigFileError as problem:
        assert problem.message.startswith("not a text file: "), problem.message
        return None


def test_every_valid_file_is_read_to_the_values_toml_test_expects() -> None:
    assert len(VALID) > 200
    wrong: list[str] = []
    for name in VALID:
        text = text_of(name)
        assert text is not None, name
        want = expected(json.loads((TOML_TEST / name).with_suffix(".json").read_text(encoding="utf-8")))
        try:
            read = tagged(read_toml(text))
        except TomlError as error:
            wrong.append(f"{name}: {error.message}")
            continue
        if not same(want, read):
            wrong.append(f"{name}: expected {want}, read {read}")
        if any(issue.message.startswith("invalid TOML") for issue in validate_text(text)):
            wrong.append(f"{name}: {validate_text(text)}")
    assert wrong == []


def test_every_invalid_file_is_refused() -> None:
    assert len(INVALID) > 400
    wrong: list[str] = []
    for name in INVALID:
        text = text_of(name)
        if text is None:
            continue
        issues = validate_text(text)
        if len(issues) != 1 or issues[0].stage != "deserialize" or not issues[0].message.startswith("invalid TOML: "):
            wrong.append(f"{name}: {issues}")
    assert wrong == []


def known_differences() -> dict[str, str]:
    """The cases the oracle's own toml-test check lists as judged otherwise than by the trainer
    (`KNOWN` in its checks/toml_test.py, strings and sums of them), each with its reason."""
    module = ast.parse((ORACLE_DIR / "checks" / "toml_test.py").read_text(encoding="utf-8"))
    names: dict[str, Any] = {}

    def value(node: ast.expr) -> Any:
        if isinstance(node, ast.Constant):
            return node.value
        if isinstance(node, ast.Name):
            return names[node.id]
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            return value(node.left) + value(node.right)
        if isinstance(node, ast.Dict):
            return {value(key): value(item) for key, item in zip(node.keys, node.values) if key is not None}
        raise ValueError(ast.dump(node))

    for node in module.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            try:
                names[node.targets[0].id] = value(node.value)
            except (ValueError, KeyError):
                continue
    return names["KNOWN"]


def test_against_the_oracle(oracle: Oracle) -> None:
    known = known_differences()
    texts = {name: text_of(name) for name in LIST}
    questions = [("trainer-toml", text) if text is not None else ("trainer-files", [str(TOML_TEST / name)]) for name, text in texts.items()]
    verdicts = dict(zip(LIST, oracle.ask_all(questions)))
    allowed: Counter[str] = Counter()
    wrong: list[str] = []
    for name, text in texts.items():
        rust = verdicts[name]
        if text is None:
            with pytest.raises(ConfigFileError):
                check_file(TOML_TEST / name)
            nul = b"\0" in (TOML_TEST / name).read_bytes()
            if not rust["ok"] and rust["stage"] == "parse" and nul:
                # As the Node package does, and unlike the trainer, which reads the bytes and
                # then refuses them as TOML: the verdict is the same, the exit status 2.
                allowed["the package's own: a file with NUL bytes is refused unread, as not text"] += 1
            elif rust["ok"] or rust["stage"] != "load":
                wrong.append(f"{name}: not text, and the oracle says {rust}")
            continue
        mine = ours(validate_text(text))
        suite = ("ok",) if name.startswith("valid/") else ("deserialize",)
        if name in known:
            allowed[f"point {2 if name.startswith('valid/') else 3}, {known[name].split(':')[0]}"] += 1
            if promised(rust) == suite:
                wrong.append(f"{name}: listed as a known difference, yet the oracle judges it as the suite does")
            if mine != suite:
                wrong.append(f"{name}: {validate_text(text)}")
        elif mine != promised(rust):
            wrong.append(f"{name}: rust {rust}, ours {validate_text(text)}")
    TALLY.record("toml-test 1.1 list against the oracle", len(LIST), len(wrong), allowed)
    assert wrong == []
    assert sum(count for kind, count in allowed.items() if kind.startswith("point")) == len(known)
