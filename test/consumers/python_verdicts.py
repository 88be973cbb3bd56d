"""Prints python-jsonschema's verdict on every object vector, one JSON line each.

    /usr/bin/python3 python_verdicts.py SCHEMA_DIR VECTORS.jsonl

Uses the published files exactly as they are, through examples/python/validate_config.py.
"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "examples" / "python"))
from validate_config import check, load_validator  # noqa: E402

FILES = {
    "quant": "low-bit-quantization-config.schema.json",
    "rho": "low-bit-rho-config.schema.json",
    "model": "burn-dragon-config.schema.json",
}


def main(schema_dir, vectors):
    validators = {target: load_validator(Path(schema_dir) / name) for target, name in FILES.items()}
    with open(vectors, encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            vector = json.loads(line)
            verdict = check(validators[vector["target"]], vector["value"])
            if verdict is None:
                out = {"id": vector["id"], "valid": True}
            else:
                out = {"id": vector["id"], "valid": False, "stage": verdict[0], "message": verdict[1]}
            print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
