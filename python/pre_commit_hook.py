#!/usr/bin/env python3
"""The pre-commit hook (see .pre-commit-hooks.yaml): `python -m burn_dragon_schema` on the
files pre-commit passes, run from this checkout with the python3 on PATH, which needs the
package's dependencies (python/pyproject.toml)."""

import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

NEEDS = "burn-dragon-config-python needs Python 3.11+ with jsonschema and tomli 2.4+ (pip install jsonschema 'tomli>=2.4')"


def tomli_reads_toml_1_1() -> bool:
    """tomli reads TOML 1.1, as the trainer does, from 2.4.0 on; an older one refuses what the trainer reads."""
    try:
        major, minor = (int(part) for part in version("tomli").split(".")[:2])
    except (PackageNotFoundError, ValueError):
        return False
    return (major, minor) >= (2, 4)


if sys.version_info < (3, 11) or not tomli_reads_toml_1_1():
    print(f"{NEEDS}: this is Python {sys.version.split()[0]} at {sys.executable}", file=sys.stderr)
    sys.exit(2)

sys.path.insert(0, str(Path(__file__).resolve().parent))

try:
    from burn_dragon_schema.__main__ import main
except ImportError as error:
    print(f"{NEEDS}: {error}", file=sys.stderr)
    sys.exit(2)

sys.exit(main())
