"""Random trees of config files for the differential test of the trainer's loader: `extends` as a
string or a list, into subfolders and back up with `..`, through symbolic links to files and to
folders, by absolute path, to missing files; diamonds and cycles; tables that switch `type`;
`training.fast_train` at any depth; TOML slips; the forms only TOML 1.1 has. Each tree is
written twice with the same random choices, in TOML 1.1 and in its TOML 1.0 twin (see
random_configs), in two folders. The generator only writes files: the oracle judges every tree.
"""

from __future__ import annotations

import json
import os
import random
from datetime import datetime, time, timezone
from pathlib import Path
from typing import Any

from random_configs import Pair, inline

#: Real files, then links: a link to a folder and links to files, from inside and outside.
FILES = ["a.toml", "b.toml", "c.toml", "sub/d.toml", "sub/e.toml", "sub/deep/f.toml"]
LINKS = {"link": "sub", "l.toml": "sub/d.toml", "sub/up.toml": "../a.toml", "sub/deep/g.toml": "../e.toml"}
NAMES = FILES + [name for name in LINKS if name.endswith(".toml")]

QUANT: dict[str, list[Any]] = {
    "enable": [True, False],
    "protocol": ["none", "bitnet_b158", "bitnet_b1", "Bitnet"],
    "act_grouping": ["per_token", "per_group"],
    "target_modules": [["decoder_y"], ["encoder", "decoder_x"], []],
    "weight_format": ["ternary158", "fp16", "fp16", "fp16", 3],
    "weight_fromat": ["int8"],
}
RHO: dict[str, list[Any]] = {
    "precision": ["bf16", "fp32", "fp8_exp"],
    "carry_across_tbptt": [True, False, False],
    "detach_between_windows": [True, False, False],
    "compression": ["none", "int8_block_exp"],
    "compression_interval": ["chunk", "step"],
}


def write_tree(v11: Path, v10: Path, rng: random.Random) -> list[str]:
    """Writes one random tree into two empty folders and returns the files to load, relative
    to either folder."""
    for name in FILES:
        text = _file_text(name, rng)
        for root, body in ((v11, text.v11), (v10, text.v10)):
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(body.replace("{root}", str(root)), encoding="utf-8")
    for root in (v11, v10):
        for link, target in LINKS.items():
            os.symlink(target, root / link)
    return [rng.choice(NAMES) for _ in range(rng.choice([1, 1, 1, 2, 3]))]


def _section(header: str, fields: dict[str, list[Any]], rng: random.Random) -> list[Pair]:
    names = [name for name in fields if rng.random() < 0.5]
    values = {name: rng.choice(fields[name]) for name in names}
    if values and rng.random() < 0.2:
        # The section as one inline table, maybe over several lines (TOML 1.1).
        parent, _, key = header.rpartition(".")
        return [Pair(f"[{parent}]"), Pair(f"{key} = ") + inline(rng, values)]
    return [Pair(f"[{header}]"), *(Pair(f"{name} = ") + inline(rng, value) for name, value in values.items())]


def _file_text(name: str, rng: random.Random) -> Pair:
    lines: list[Pair] = []
    if rng.random() < 0.7:
        lines.append(Pair(f"extends = {_extends(name, rng)}"))
    if rng.random() < 0.02:
        lines.append(Pair("x = = 1"))
    if rng.random() < 0.5:
        lines += _section("model.quant", QUANT, rng)
    if rng.random() < 0.5:
        lines += _section("model.rho", RHO, rng)
    if rng.random() < 0.4:
        kind = rng.choice(['"dense"', '"sparse"', "1"])
        lines += [Pair("[model.block]"), Pair(f"type = {kind}"), Pair(f"{rng.choice(['width', 'depth'])} = {rng.choice([1, 2, 3])}")]
    if rng.random() < 0.3:
        kind = rng.choice(['"adamw"', '"sgd"'])
        lr = rng.choice(["0.1", "1e-3", "nan", "-inf"])
        lines += [Pair("[optimizer]"), Pair(f"type = {kind}"), Pair(f"lr = {lr}")]
    if rng.random() < 0.3:
        lines += [Pair("[training]"), Pair(f"steps = {rng.choice([1, 100])}")] + ([Pair("fast_train = true")] if rng.random() < 0.1 else [])
    if rng.random() < 0.1:
        lines += [Pair("[[runs]]"), Pair('name = "r"')] + ([Pair("training.fast_train = false")] if rng.random() < 0.3 else [])
    if rng.random() < 0.1:
        started = rng.choice([datetime(1979, 5, 27, 7, 32, tzinfo=timezone.utc), time(7, 32)])
        lines += [Pair("[meta]"), Pair("started = ") + inline(rng, started), Pair("note = ") + inline(rng, "run\x1b"), Pair("big = 9223372036854775807")]
    if rng.random() < 0.03:
        lines += [Pair("[training]"), Pair("steps = 2")]
    return Pair.join("\n", lines) + "\n"


def _extends(name: str, rng: random.Random) -> str:
    if rng.random() < 0.03:
        return rng.choice(["3", "[1]", '["a.toml", true]', "{ a = 1 }"])
    count = rng.choice([1, 1, 2, 3])
    entries = [json.dumps(_reference(name, rng)) for _ in range(count)]
    return entries[0] if count == 1 and rng.random() < 0.5 else f"[{', '.join(entries)}]"


def _real(name: str) -> int:
    """Where a name of the tree leads, as an index into `FILES`."""
    target = os.path.normpath(os.path.join(os.path.dirname(name), LINKS[name])) if name in LINKS else name
    return FILES.index(target)


def _reference(name: str, rng: random.Random) -> str:
    """A path to another file of the tree, as a person would write it from `name`'s real folder;
    `{root}` stands for the tree's folder, in an absolute path."""
    if rng.random() < 0.03:
        return "missing.toml"
    # Mostly towards files later in the list, so that most trees are chains and diamonds; now
    # and then anywhere, which makes cycles.
    later = [other for other in NAMES if _real(other) > _real(name)]
    target = rng.choice(later) if later and rng.random() < 0.97 else rng.choice(NAMES)
    folder = os.path.dirname(FILES[_real(name)])
    if rng.random() < 0.1:
        return "{root}/" + target
    if rng.random() < 0.15 and target.startswith("sub/"):
        return os.path.relpath(os.path.join("link", target[4:]), folder or ".")
    return os.path.relpath(target, folder or ".")
