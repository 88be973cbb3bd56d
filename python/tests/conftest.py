"""Shared fixtures: the repository's test data, and the Rust oracle where it is beside the checkout."""

from __future__ import annotations

import json
import os
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any, Iterator

import pytest

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "test" / "fixtures"
VECTORS = FIXTURES / "vectors"
UPSTREAM = FIXTURES / "upstream"
TOML_TEST = FIXTURES / "toml-test"
SHARED = Path(os.environ.get("BURN_DRAGON_SHARED", REPO.parent / "shared")).resolve()
ORACLE_DIR = SHARED / "oracle"
#: Where the oracle's build.sh puts the binary (its ORACLE_TARGET_DIR), as the Node tests find it.
BUILT = Path(os.environ.get("ORACLE_TARGET_DIR", "/tmp/burn-dragon-oracle-target")) / "release" / "lowbit-oracle"
#: How many random cases the differential tests draw, and from which seed.
SEED = int(os.environ.get("ORACLE_SEED", "20261126"))
TEXT_CASES = int(os.environ.get("ORACLE_TEXT_CASES", "3000"))
TREE_CASES = int(os.environ.get("ORACLE_TREE_CASES", "2000"))


def read_vectors(name: str) -> list[dict[str, Any]]:
    with open(VECTORS / name, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


class Oracle:
    """The Rust oracle (../shared/oracle): every question of a batch in one process run."""

    def __init__(self, binary: str) -> None:
        self.binary = binary

    def ask_all(self, cases: list[tuple[str, Any]]) -> list[dict[str, Any]]:
        lines = "".join(json.dumps({"target": target, "value": value}) + "\n" for target, value in cases)
        run = subprocess.run([self.binary], input=lines, capture_output=True, text=True, check=True)
        verdicts = [json.loads(line) for line in run.stdout.splitlines()]
        assert len(verdicts) == len(cases), f"the oracle answered {len(verdicts)} of {len(cases)} cases: {run.stderr[-500:]}"
        return verdicts

    def ask(self, target: str, value: Any) -> dict[str, Any]:
        return self.ask_all([(target, value)])[0]


def _newest_source(folder: Path) -> float:
    return max(path.stat().st_mtime for path in folder.rglob("*") if path.is_file())


@pytest.fixture(scope="session")
def oracle() -> Iterator[Oracle]:
    """The oracle's binary: the one built before when it is newer than every source, else built now."""
    build = ORACLE_DIR / "build.sh"
    if not build.exists():
        pytest.skip(f"the Rust oracle is not here ({build} is missing; set BURN_DRAGON_SHARED to the folder holding oracle/)")
    if BUILT.exists() and BUILT.stat().st_mtime > _newest_source(ORACLE_DIR):
        yield Oracle(str(BUILT))
        return
    run = subprocess.run(["bash", str(build)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, check=True)
    yield Oracle(run.stdout.strip().splitlines()[-1])


class Tally:
    """What the differential tests compared, printed at the end of the run: cases, disagreements,
    and each known difference between the oracle and the trainer that a test allowed."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def record(self, name: str, cases: int, disagreements: int, allowed: Counter[str]) -> None:
        known = ", ".join(f"{count} {kind}" for kind, count in sorted(allowed.items())) or "none"
        self.lines.append(f"{name}: {cases} cases, {disagreements} disagreements; known differences allowed: {known}")


TALLY = Tally()


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if TALLY.lines:
        terminalreporter.write_sep("-", "differential tests against the Rust oracle")
        for line in TALLY.lines:
            terminalreporter.write_line(line)
    # One line per reason, however many tests it skipped.
    reasons = Counter(str(report.longrepr[2]).removeprefix("Skipped: ") for report in terminalreporter.stats.get("skipped", []))
    for reason, count in sorted(reasons.items()):
        terminalreporter.write_line(f"skipped: {count} {'test' if count == 1 else 'tests'}: {reason}")
