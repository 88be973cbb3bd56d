"""`check_file()` and `load_config()`: TOML files and `extends` read as the trainer reads them,
against the Rust oracle's `trainer-files` target (the trainer's own loader, `config/merge.rs`):
hand-written cases of each loader rule, fresh random trees of files (TOML 1.1 forms included),
the upstream chain in the fixtures and, where ../shared holds it, the upstream corpus.

Verdict and stage must agree on every case; the message too where the trainer's is the
package's contract or its own words (a rule, a cycle, the shape of `extends`,
`training.fast_train`), and the merged document wherever the trainer accepts the files. Paths
and the operating system's words (a file that cannot be found) and the TOML reader's are
compared by stage only.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from burn_dragon_schema import SCHEMA_FILES, ConfigFileError, check_file, load_config, schema, validate_file
from conftest import FIXTURES, REPO, SEED, TALLY, TREE_CASES, UPSTREAM, Oracle
from random_trees import write_tree
from verdicts import canonical, ours, promised

QUANT_OK = '[model.quant]\nenable = true\nprotocol = "bitnet_b158"\n'

#: Each case: its files, and the ones to load.
CASES: dict[str, tuple[dict[str, str], list[str]]] = {
    "no extends": ({"run.toml": QUANT_OK}, ["run.toml"]),
    "extends as a string": (
        {"base.toml": QUANT_OK, "run.toml": 'extends = "base.toml"\n[model.rho]\nprecision = "fp8_exp"\n'},
        ["run.toml"],
    ),
    "extends as a list, merged in order, the file on top": (
        {
            "a.toml": '[model.quant]\nenable = true\nprotocol = "none"\n',
            "b.toml": '[model.quant]\nprotocol = "bitnet_b158"\nact_grouping = "per_group"\n',
            "run.toml": 'extends = ["a.toml", "b.toml"]\n[model.quant]\nact_grouping = "per_token"\n',
        },
        ["run.toml"],
    ),
    "an empty extends list": ({"run.toml": "extends = []\n" + QUANT_OK}, ["run.toml"]),
    "a base's rule violation": (
        {"shared/low-bit.toml": QUANT_OK + 'weight_grouping = "per_group"\n', "config/run.toml": 'extends = ["../shared/low-bit.toml"]\n'},
        ["config/run.toml"],
    ),
    "bases of bases, relative to each file's folder": (
        {
            "shared/base.toml": '[model.rho]\ncompression = "int8_block_exp"\n',
            "shared/mid.toml": 'extends = "base.toml"\n[model.rho]\ncompression_interval = "step"\n',
            "config/run.toml": 'extends = "../shared/mid.toml"\n',
        },
        ["config/run.toml"],
    ),
    "lists are replaced, not merged": (
        {
            "base.toml": QUANT_OK + 'strict_bitnet_reference = true\ntarget_modules = ["encoder"]\n',
            "run.toml": 'extends = "base.toml"\n[model.quant]\ntarget_modules = []\n',
        },
        ["run.toml"],
    ),
    "a table whose string `type` changes starts empty": (
        {
            "base.toml": '[model]\ntype = "a"\n[model.quant]\nenable = true\nprotocol = "none"\n',
            "run.toml": 'extends = "base.toml"\n[model]\ntype = "b"\n',
        },
        ["run.toml"],
    ),
    "the same `type` keeps the base table": (
        {
            "base.toml": '[model]\ntype = "a"\n[model.quant]\nenable = true\nprotocol = "none"\n',
            "run.toml": 'extends = "base.toml"\n[model]\ntype = "a"\n',
        },
        ["run.toml"],
    ),
    "a `type` where the base has none clears a non-empty base": (
        {
            "base.toml": '[optimizer]\nlr = 1.0\n[model.quant]\nenable = true\nprotocol = "none"\n',
            "run.toml": 'extends = "base.toml"\n[optimizer]\ntype = "adam"\n',
        },
        ["run.toml"],
    ),
    "several files merged left to right": (
        {"a.toml": '[model.quant]\nenable = true\nprotocol = "none"\n', "b.toml": '[model.quant]\nprotocol = "bitnet_b1"\n'},
        ["a.toml", "b.toml"],
    ),
    "training.fast_train in a base": (
        {"base.toml": "[training]\nfast_train = true\n", "run.toml": 'extends = "base.toml"\n' + QUANT_OK},
        ["run.toml"],
    ),
    "training.fast_train deep in a list of tables": (
        {"run.toml": "[[runs]]\nname = 'x'\n[runs.training]\nfast_train = false\n"},
        ["run.toml"],
    ),
    "an extends cycle": ({"a.toml": 'extends = "b.toml"\n', "b.toml": 'extends = "a.toml"\n'}, ["a.toml"]),
    "a date as extends": ({"run.toml": "extends = 1979-05-27T07:32:00Z\n"}, ["run.toml"]),
    "a time among the extends entries": ({"run.toml": 'extends = ["a.toml", 07:32:00]\n'}, ["run.toml"]),
    "a missing base": ({"run.toml": 'extends = "missing.toml"\n'}, ["run.toml"]),
    "a missing file": ({}, ["run.toml"]),
    "extends of the wrong type": ({"run.toml": "extends = 5\n"}, ["run.toml"]),
    "an extends entry of the wrong type": ({"run.toml": 'extends = ["a.toml", 1]\n', "a.toml": ""}, ["run.toml"]),
    "a base that is not TOML": ({"base.toml": "[model.quant\n", "run.toml": 'extends = "base.toml"\n'}, ["run.toml"]),
    "a base that is a folder": ({"base/x.toml": "", "run.toml": 'extends = "base"\n'}, ["run.toml"]),
    "a wrong type from a base": ({"base.toml": "[model.quant]\nenable = 1\n", "run.toml": 'extends = "base.toml"\n'}, ["run.toml"]),
}


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")


def disagreement(rust: dict[str, Any], entries: list[Path]) -> str | None:
    """Why the package's verdict on the files differs from the trainer's (`rust`), or None."""
    try:
        check = check_file(entries)
    except ConfigFileError as problem:
        # A file or base that cannot be read: the trainer's words are the operating system's.
        if rust["ok"] or rust["stage"] != "load" or re.search("cycle detected|extends (must be|entries must be)|fast_train", rust["message"]):
            return f"Python could not check what Rust judged: {problem}"
        return None
    mine = ours(check.errors)
    if not rust["ok"] and re.search("extends (must be|entries must be)", rust["message"]):
        return None if mine == ("load",) and rust["message"].endswith(f": {check.errors[0].message}") else f"{check.errors[:2]}"
    if rust["ok"]:
        if mine != ("ok",):
            return f"Python rejects what Rust accepts: {check.errors[:2]}"
        merged = load_config(entries)
        return None if canonical(merged) == canonical(rust["merged"]) else f"merged: {json.dumps(merged, default=str)[:400]}"
    if rust["stage"] == "load" and re.search("fast_train|cycle detected", rust["message"]):
        return None if mine == ("load",) and check.errors[0].message == rust["message"] else f"{check.errors[:2]}"
    if rust["stage"] in ("validate", "parse"):
        return None if mine == promised(rust) else f"{check.errors[:2]}"
    return f"Python checked what Rust could not load: {check.errors[:2]}"


@pytest.mark.parametrize("name", list(CASES))
def test_as_the_trainer_loads(name: str, tmp_path: Path, oracle: Oracle) -> None:
    files, entries = CASES[name]
    write(tmp_path, files)
    paths = [tmp_path / entry for entry in entries]
    assert disagreement(oracle.ask("trainer-files", [str(path) for path in paths]), paths) is None


def test_extends_relative_to_the_real_folder(tmp_path: Path, oracle: Oracle) -> None:
    """A symbolic link's `extends` is read from the folder of the file it points to."""
    write(tmp_path, {"real/base.toml": '[model.rho]\nprecision = "fp8_exp"\n', "real/run.toml": 'extends = "base.toml"\n'})
    (tmp_path / "link").mkdir()
    os.symlink(tmp_path / "real" / "run.toml", tmp_path / "link" / "run.toml")
    entry = tmp_path / "link" / "run.toml"
    assert disagreement(oracle.ask("trainer-files", [str(entry)]), [entry]) is None
    assert [issue.stage for issue in validate_file(entry)] == ["validate"]


def test_random_trees(tmp_path: Path, oracle: Oracle) -> None:
    """Fresh random trees, each judged by the oracle in its TOML 1.0 twin and by the package in
    TOML 1.1 and in the twin. Where the oracle's verdict on the 1.1 tree differs from its twin's,
    it must be a refusal at `parse`: the oracle reads TOML 1.0 (its README, point 2)."""
    rng = random.Random(SEED + 7)
    root = Path(os.path.realpath(tmp_path))
    trees: list[tuple[Path, Path, list[str]]] = []
    for i in range(TREE_CASES):
        v11, v10 = root / "v11" / str(i), root / "v10" / str(i)
        v11.mkdir(parents=True)
        v10.mkdir(parents=True)
        trees.append((v11, v10, write_tree(v11, v10, rng)))
    verdicts = oracle.ask_all([("trainer-files", [str(tree / name) for name in names]) for v11, v10, names in trees for tree in (v11, v10)])
    tally: Counter[str] = Counter()
    allowed: Counter[str] = Counter()
    problems: list[str] = []
    for i, (v11, v10, names) in enumerate(trees):
        rust11, rust = verdicts[2 * i], verdicts[2 * i + 1]
        message = "" if rust["ok"] else rust["message"]
        tally["ok" if rust["ok"] else rust["stage"] + (" (cycle)" if "cycle" in message else " (fast_train)" if "fast_train" in message else "")] += 1
        if rust11 != moved(rust, v10, v11):
            if rust11["ok"] or rust11["stage"] != "parse":
                problems.append(f"{v11}: the oracle on the 1.1 tree: {rust11}; on its twin: {rust}")
            allowed["point 2, a TOML 1.1 form the oracle refuses"] += 1
        for tree in (v11, v10):
            why = disagreement(moved(rust, v10, tree), [tree / name for name in names])
            if why is not None:
                problems.append(f"{tree}: {' '.join(names)}\n  rust: {json.dumps(rust)[:500]}\n  ours: {why}")
    shutil.rmtree(root / "v11")
    shutil.rmtree(root / "v10")
    kinds = ", ".join(f"{n} {kind}" for kind, n in sorted(tally.items()))
    TALLY.record(f"trainer-files, random trees in TOML 1.1 and their 1.0 twins ({kinds})", 2 * len(trees), len(problems), allowed)
    assert "\n".join(problems[:5]) == ""
    for kind in ("ok", "validate", "parse", "load", "load (cycle)", "load (fast_train)"):
        assert tally[kind] > TREE_CASES / 100, tally


def moved(rust: dict[str, Any], tree: Path, to: Path) -> dict[str, Any]:
    """The oracle's verdict on the files of `tree`, with the paths in its words moved to `to`."""
    if rust["ok"]:
        return rust
    return {**rust, "message": rust["message"].replace(f"{tree}{os.sep}", f"{to}{os.sep}")}


@pytest.mark.parametrize("entry", sorted(UPSTREAM.rglob("*.toml")), ids=lambda p: str(p.relative_to(UPSTREAM)))
def test_upstream_configs(entry: Path, oracle: Oracle) -> None:
    assert disagreement(oracle.ask("trainer-files", [str(entry)]), [entry]) is None


CORPUS = FIXTURES / "upstream-corpus"
CORPUS_ENTRIES = [CORPUS / json.loads(line)["file"] for line in (CORPUS / "index.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]


def corpus_problems(verdicts: list[dict[str, Any]], source: str) -> None:
    problems = [f"{entry}: {why}" for entry, rust in zip(CORPUS_ENTRIES, verdicts) if (why := disagreement(rust, [entry])) is not None]
    kinds = Counter("ok" if rust["ok"] else rust["stage"] for rust in verdicts)
    TALLY.record(f"trainer-files, upstream corpus, {source} ({', '.join(f'{n} {k}' for k, n in sorted(kinds.items()))})", len(CORPUS_ENTRIES), len(problems), Counter())
    assert "\n".join(problems[:5]) == ""


def test_upstream_corpus(oracle: Oracle) -> None:
    """The real configs of upstream repositories, each as the trainer loads it."""
    corpus_problems(oracle.ask_all([("trainer-files", [str(entry)]) for entry in CORPUS_ENTRIES]), "asked")


def test_upstream_corpus_as_recorded() -> None:
    """The same against the oracle's answers recorded beside the corpus (each config in its tree
    is the third of its four parts), which the Node suite keeps the oracle's."""
    lines = (CORPUS / "verdicts.jsonl").read_text(encoding="utf-8").splitlines()
    in_trees = lines[2 * len(CORPUS_ENTRIES) : 3 * len(CORPUS_ENTRIES)]
    root = json.dumps(os.path.realpath(CORPUS))[1:-1]
    corpus_problems([json.loads(line.replace("<corpus>", root)) for line in in_trees], "as recorded")


def test_upstream_chain_is_valid() -> None:
    assert validate_file(UPSTREAM / "config/language/baselines/current_best_bitnet.toml", strict=True) == []


def test_each_issue_names_the_file_that_set_the_value(tmp_path: Path) -> None:
    files, entries = CASES["a base's rule violation"]
    write(tmp_path, files)
    (issue,) = validate_file(tmp_path / entries[0])
    assert issue.file is not None and Path(issue.file).resolve() == (tmp_path / "shared/low-bit.toml").resolve()
    assert issue.key_path == "model.quant.weight_grouping"


def test_a_missing_base_is_reported_at_the_entry_that_names_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, {"run.toml": 'extends = ["base.toml", "shared/nope.toml"]\n', "base.toml": "", "one.toml": 'extends = "nope.toml"\n'})
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigFileError) as raised:
        check_file("run.toml")
    problem = raised.value
    assert (problem.file, problem.key, problem.line) == ("run.toml", "extends[1]", None)
    assert problem.message == 'extends "shared/nope.toml": cannot read shared/nope.toml: no such file'
    with pytest.raises(ConfigFileError) as raised:
        check_file("one.toml")
    assert (raised.value.file, raised.value.key) == ("one.toml", "extends")


def test_a_cycle_is_an_invalid_config_that_names_the_real_paths_as_the_trainer_does(tmp_path: Path) -> None:
    files, entries = CASES["an extends cycle"]
    write(tmp_path, files)
    real = Path(os.path.realpath(tmp_path))
    (issue,) = validate_file(tmp_path / entries[0])
    assert (issue.stage, issue.path) == ("load", "/extends")
    assert issue.message == f"config extends cycle detected: {real / 'a.toml'} -> {real / 'b.toml'} -> {real / 'a.toml'}"
    assert issue.file is not None and Path(issue.file).resolve() == real / "b.toml"


def test_invalid_toml_is_an_invalid_config_at_its_line_and_column(tmp_path: Path) -> None:
    write(tmp_path, {"bad.toml": "[model.quant]\nenable = true\nprotocol = \n", "run.toml": 'extends = "bad.toml"\n'})
    for entry in ("bad.toml", "run.toml"):
        (issue,) = validate_file(tmp_path / entry)
        assert (issue.stage, issue.path, issue.line, issue.column) == ("deserialize", "", 3, 12)
        assert issue.message.startswith("invalid TOML: ")
        assert issue.file is not None and Path(issue.file).name == "bad.toml"


def test_unknown_keys_are_warnings_at_the_file_that_set_them(tmp_path: Path) -> None:
    write(tmp_path, {"base.toml": '[model.qaunt]\nenable = true\n[model.quant]\nweight_fromat = "int8"\n', "run.toml": 'extends = "base.toml"\n'})
    lenient = check_file(tmp_path / "run.toml")
    strict = check_file(tmp_path / "run.toml", strict=True)
    messages = [
        "model: unknown field `qaunt`, did you mean `quant`?",
        "model.quant: unknown field `weight_fromat`, did you mean `weight_format`?",
    ]
    assert lenient.errors == [] and [issue.message for issue in lenient.warnings] == messages
    assert strict.warnings == [] and [issue.message for issue in strict.errors] == messages
    assert {Path(issue.file or "").name for issue in strict.errors} == {"base.toml"}


def test_a_toml_1_1_base_is_read_as_the_trainer_reads_it(tmp_path: Path) -> None:
    """An inline table over several lines with a comment and a trailing comma, `\\x` and `\\e`
    escapes, a time without seconds: TOML 1.1, which the trainer's toml 0.9 reads."""
    base = '[model]\nquant = {\n  enable = true, # on\n  protocol = "\\x62itnet_b158",\n}\n[meta]\nnote = "\\e[0m"\nat = 07:32\n'
    write(tmp_path, {"base.toml": base, "run.toml": 'extends = "base.toml"\n[model.quant]\nact_grouping = "per_group"\n'})
    assert [issue.message for issue in validate_file(tmp_path / "run.toml")] == ['model.quant.act_grouping currently supports only "per_token"']
    assert load_config(tmp_path / "base.toml")["model"]["quant"]["protocol"] == "bitnet_b158"


def test_without_extends_the_key_is_left_alone(tmp_path: Path) -> None:
    write(tmp_path, {"run.toml": 'extends = "missing.toml"\n' + QUANT_OK})
    assert validate_file(tmp_path / "run.toml", extends=False) == []


@pytest.mark.parametrize("target", list(SCHEMA_FILES))
def test_the_package_ships_the_published_schema_files(target: str) -> None:
    published = json.loads((REPO / "schema" / SCHEMA_FILES[target]).read_text(encoding="utf-8"))
    assert schema(target) == published  # type: ignore[arg-type]
