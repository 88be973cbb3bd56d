#!/usr/bin/env python3
"""The pre-commit hook (see .pre-commit-hooks.yaml): `python -m burn_dragon_schema` on the
files pre-commit passes, run from this checkout with the python3 on PATH."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

try:
    from burn_dragon_schema.__main__ import main
except ImportError as error:
    print(f"burn-dragon-config needs Python 3.11+ with jsonschema (apt-get install python3-jsonschema): {error}", file=sys.stderr)
    sys.exit(2)

sys.exit(main())
