"""Shared fixtures: the repository's vectors, and the Rust oracle where it is beside the checkout."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any, Iterator

import pytest

REPO = Path(__file__).resolve().parents[2]
VECTORS = REPO / "test" / "fixtures" / "vectors"
UPSTREAM = REPO / "test" / "fixtures" / "upstream"
SHARED = Path(os.environ.get("BURN_DRAGON_SHARED", REPO.parent / "shared")).resolve()


def read_vectors(name: str) -> list[dict[str, Any]]:
    with open(VECTORS / name, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


class Oracle:
    """The Rust oracle (../shared/oracle), one process for the whole run."""

    def __init__(self, binary: str) -> None:
        self.process = subprocess.Popen([binary], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    def ask(self, target: str, value: Any) -> dict[str, Any]:
        assert self.process.stdin and self.process.stdout
        self.process.stdin.write(json.dumps({"target": target, "value": value}) + "\n")
        self.process.stdin.flush()
        return json.loads(self.process.stdout.readline())

    def close(self) -> None:
        if self.process.stdin:
            self.process.stdin.close()
        self.process.wait()


@pytest.fixture(scope="session")
def oracle() -> Iterator[Oracle]:
    build = SHARED / "oracle" / "build.sh"
    if not build.exists():
        pytest.skip(f"the Rust oracle is not here ({build} is missing)")
    run = subprocess.run(["bash", str(build)], stdout=subprocess.PIPE, text=True, check=True)
    oracle = Oracle(run.stdout.strip().splitlines()[-1])
    yield oracle
    oracle.close()
