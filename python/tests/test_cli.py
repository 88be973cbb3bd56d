"""`python -m burn_dragon_schema`: the npm package's output form and exit statuses."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import REPO


def run(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "burn_dragon_schema", *args], cwd=cwd, capture_output=True, text=True)


def test_valid_file() -> None:
    result = run("examples/bitnet.toml")
    assert (result.returncode, result.stdout, result.stderr) == (0, "1 file checked: 1 valid, 0 invalid (0 errors, 0 warnings)\n", "")


def test_invalid_file_one_line_per_issue_in_rust_order() -> None:
    result = run("examples/bitnet.toml", "examples/broken.toml")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        'examples/broken.toml:model.quant.act_grouping: error: model.quant.act_grouping currently supports only "per_token"',
        "examples/broken.toml:model.rho.compression_interval: error: "
        'block-compressed model.rho.compression currently supports only compression_interval = "chunk"',
        "2 files checked: 1 valid, 1 invalid (2 errors, 0 warnings)",
    ]


def test_unreadable_files_one_line_each_on_stderr_exit_2(tmp_path: Path) -> None:
    (tmp_path / "typo.toml").write_text("[model.quant]\nenable = \n", encoding="utf-8")
    (tmp_path / "binary.toml").write_bytes(b"\xff\xfe\x00")
    result = run("typo.toml", "binary.toml", "missing.toml", ".", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "typo.toml:2:10: error: invalid TOML: Invalid value",
        "binary.toml: error: cannot read: it is not UTF-8 text",
        "missing.toml: error: cannot read: no such file",
        ".: error: cannot read: it is a directory",
    ]
    assert "Traceback" not in result.stderr
    assert result.stdout == "0 files checked: 0 valid, 0 invalid (0 errors, 0 warnings); 4 files not checked\n"


def test_usage_error_exit_2() -> None:
    result = run()
    assert result.returncode == 2
    assert "usage:" in result.stderr
