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
    """The Rust oracle (../shared/oracle): one process per question, as it answers at end of input."""

    def __init__(self, binary: str) -> None:
        self.binary = binary

    def ask(self, target: str, value: Any) -> dict[str, Any]:
        line = json.dumps({"target": target, "value": value}) + "\n"
        run = subprocess.run([self.binary], input=line, stdout=subprocess.PIPE, text=True, check=True)
        return json.loads(run.stdout)


@pytest.fixture(scope="session")
def oracle() -> Iterator[Oracle]:
    build = SHARED / "oracle" / "build.sh"
    if not build.exists():
        pytest.skip(f"the Rust oracle is not here ({build} is missing)")
    run = subprocess.run(["bash", str(build)], stdout=subprocess.PIPE, text=True, check=True)
    yield Oracle(run.stdout.strip().splitlines()[-1])
