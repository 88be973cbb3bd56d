"""`python -m burn_dragon_schema`: the report of the npm package's `validate`, its exit statuses,
`--strict`, `--format json`, `--config` and standard input. (test/consumers/python-package.test.ts
compares its reports with the Node CLI's on the same files, field for field.)"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import burn_dragon_schema
from conftest import REPO, read_vectors

#: The package this test imports, for the command line it runs, wherever it runs it.
PACKAGE_ROOT = str(Path(burn_dragon_schema.__file__).resolve().parents[1])
VIOLATION = next(v for v in read_vectors("toml-text.jsonl") if not v["expect"]["valid"] and v["expect"]["stage"] == "validate")
VALID = next(v for v in read_vectors("toml-text.jsonl") if v["expect"]["valid"])


def run(*args: str, cwd: Path = REPO, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [PACKAGE_ROOT, os.environ.get("PYTHONPATH")]))}
    return subprocess.run(
        [sys.executable, "-m", "burn_dragon_schema", *args], cwd=cwd, env=env, input=stdin, capture_output=True, text=True
    )


def summary(files: int, valid: int, invalid: int, errors: int, warnings: int, unchecked: int = 0) -> str:
    plural = lambda n, word: f"{n} {word}{'' if n == 1 else 's'}"  # noqa: E731
    tail = f"; {plural(unchecked, 'file')} not checked" if unchecked else ""
    return f"{plural(files, 'file')} checked: {valid} valid, {invalid} invalid ({plural(errors, 'error')}, {plural(warnings, 'warning')}){tail}"


def test_valid_file() -> None:
    result = run("examples/bitnet.toml")
    assert (result.returncode, result.stdout, result.stderr) == (0, summary(1, 1, 0, 0, 0) + "\n", "")


def test_one_line_per_issue_rust_order_first_then_the_warnings(tmp_path: Path) -> None:
    (tmp_path / "run.toml").write_text(VIOLATION["text"] + '\n[model.qaunt]\nenable = true\n', encoding="utf-8")
    result = run("run.toml", cwd=tmp_path)
    lines = result.stdout.splitlines()
    assert result.returncode == 1
    assert lines[0].startswith("run.toml:") and lines[0].endswith(f": error: {VIOLATION['expect']['message']}")
    assert lines[-2] == "run.toml:model.qaunt: warning: model: unknown field `qaunt`, did you mean `quant`?"
    assert lines[-1] == summary(1, 0, 1, len(lines) - 2, 1)


def test_strict_makes_unknown_keys_errors() -> None:
    lenient, strict = run("examples/broken.toml"), run("--strict", "examples/broken.toml")
    typo = "examples/broken.toml:model.quant.stict_bitnet_reference: {}: model.quant: unknown field `stict_bitnet_reference`, did you mean `strict_bitnet_reference`?"
    assert typo.format("warning") in lenient.stdout.splitlines()
    assert typo.format("error") in strict.stdout.splitlines()
    assert strict.stdout.splitlines()[:2] == lenient.stdout.splitlines()[:2]
    assert (lenient.returncode, strict.returncode) == (1, 1)


def test_unknown_keys_alone_leave_rusts_verdict(tmp_path: Path) -> None:
    (tmp_path / "run.toml").write_text(VALID["text"] + '\n[model.quant.saved_activations]\nmod = "disabled"\n', encoding="utf-8")
    assert run("run.toml", cwd=tmp_path).returncode == 0
    assert run("--strict", "run.toml", cwd=tmp_path).returncode == 1


def test_toml_syntax_error_is_an_invalid_file_at_its_line() -> None:
    result = run("-", stdin="[model.quant]\nenable = \n")
    assert result.returncode == 1
    assert result.stdout.splitlines()[0].startswith("<stdin>:2:10: error: invalid TOML: ")
    assert result.stdout.splitlines()[-1] == summary(1, 0, 1, 1, 0)


def test_files_that_cannot_be_read_one_line_each_on_stderr_exit_2(tmp_path: Path) -> None:
    (tmp_path / "binary.toml").write_bytes(b"\xff\xfe\x00")
    (tmp_path / "latin1.toml").write_bytes('a = "\xe9"\n'.encode("latin-1"))
    (tmp_path / "run.toml").write_text('extends = ["binary.toml"]\n', encoding="utf-8")
    result = run("binary.toml", "latin1.toml", "missing.toml", ".", "run.toml", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "binary.toml: error: not a text file: it contains NUL bytes",
        "latin1.toml: error: not a text file: it is not valid UTF-8",
        "missing.toml: error: cannot read: no such file",
        ".: error: cannot read: it is a directory, not a file",
        'run.toml:extends[0]: error: extends "binary.toml": binary.toml: not a text file: it contains NUL bytes',
    ]
    assert result.stdout == summary(0, 0, 0, 0, 0, unchecked=5) + "\n"


def test_a_missing_base_is_reported_at_the_key_that_names_it(tmp_path: Path) -> None:
    (tmp_path / "run.toml").write_text('extends = "shared/nope.toml"\n', encoding="utf-8")
    result = run("run.toml", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == 'run.toml:extends: error: extends "shared/nope.toml": cannot read shared/nope.toml: no such file\n'


def report(*args: str, cwd: Path = REPO, stdin: str | None = None) -> tuple[int, Any]:
    result = run("--format", "json", *args, cwd=cwd, stdin=stdin)
    assert result.stderr == ""
    return result.returncode, json.loads(result.stdout)


def test_json_report_holds_every_file_and_issue_without_positions_python_lacks(tmp_path: Path) -> None:
    (tmp_path / "run.toml").write_text('extends = "nope.toml"\n', encoding="utf-8")
    (tmp_path / "bad.toml").write_text("a = \n", encoding="utf-8")
    broken = REPO / "examples" / "broken.toml"
    status, document = report("--strict", str(broken), "bad.toml", "run.toml", cwd=tmp_path)
    assert status == 2 and document["valid"] is False
    broken_report, bad_report, run_report = document["files"]
    assert (broken_report["file"], broken_report["status"], broken_report["warnings"]) == (str(broken), "invalid", [])
    for issue in broken_report["errors"]:
        assert list(issue)[:4] == ["file", "stage", "path", "message"] and set(issue) <= {"file", "stage", "path", "message", "suggestion"}
        assert issue["file"] == str(broken) and issue["path"].startswith("/model/")
    assert [issue["stage"] for issue in broken_report["errors"]] == ["validate", "validate", "deserialize"]
    assert broken_report["errors"][2]["suggestion"] == "strict_bitnet_reference"
    (syntax,) = bad_report["errors"]
    assert list(syntax) == ["file", "line", "column", "stage", "path", "message"]
    assert (syntax["line"], syntax["column"], syntax["stage"], syntax["path"]) == (1, 5, "deserialize", "")
    assert run_report == {
        "file": "run.toml",
        "status": "unreadable",
        "problem": {"file": "run.toml", "message": 'extends "nope.toml": cannot read nope.toml: no such file'},
    }


def test_json_report_of_a_valid_file() -> None:
    assert report("examples/bitnet.toml") == (0, {"valid": True, "files": [{"file": "examples/bitnet.toml", "status": "valid", "errors": [], "warnings": []}]})


def test_standard_input_is_named_and_cannot_follow_extends() -> None:
    status, document = report("-", stdin=VIOLATION["text"])
    assert status == 1
    (entry,) = document["files"]
    assert (entry["file"], entry["errors"][0]["file"], entry["errors"][0]["message"]) == ("<stdin>", "<stdin>", VIOLATION["expect"]["message"])
    refused = run("-", stdin='extends = "base.toml"\n')
    assert refused.returncode == 2
    assert refused.stderr.startswith("<stdin>:extends: error: cannot follow extends from standard input")
    assert run("--no-extends", "-", stdin='extends = "base.toml"\n').returncode == 0


def test_config_files_are_merged_left_to_right() -> None:
    sweep = REPO / "examples" / "sweep"
    alone = run(str(sweep / "run-a.toml"))
    merged = run("-c", str(sweep / "run-a.toml"), "-c", str(sweep / "no-detach.toml"))
    assert alone.returncode == 0
    assert merged.returncode == 1
    assert merged.stdout.splitlines()[0].endswith("error: model.rho.detach_between_windows must remain true when model.rho.carry_across_tbptt = false")
    assert merged.stdout.splitlines()[-1] == "1 config (2 files) checked: 0 valid, 1 invalid (1 error, 0 warnings)"


def test_usage_errors_exit_2() -> None:
    for args in ([], ["--format", "yaml", "examples/bitnet.toml"]):
        result = run(*args)
        assert result.returncode == 2
        assert "usage:" in result.stderr
