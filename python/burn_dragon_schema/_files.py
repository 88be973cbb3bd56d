"""Config files read as the trainer reads them: TOML, `extends`, merging, `training.fast_train`."""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, replace
from typing import Any

from ._validate import Issue, pointer_tokens, validate

#: Files over this size are refused before they are read, as by the command line of the npm package.
MAX_FILE_BYTES = 256 * 1024

FAST_TRAIN_REMOVED = (
    "training.fast_train has been removed from the language config schema; "
    "use training.launch_mode and training.sequence_kernel_override explicitly"
)


class ConfigFileError(Exception):
    """A file that could not be checked: unreadable, not TOML, or a broken `extends` chain."""

    def __init__(self, file: str, message: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(f"{file}: {message}")
        self.file = file
        self.message = message
        self.line = line
        self.column = column


@dataclass
class _Loaded:
    """One file's own table (its `extends` removed), in the order the trainer merges them."""

    file: str
    table: dict[str, Any]


def _display(path: str) -> str:
    """A path as the user would type it: relative to the working directory when under it."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


def read_toml(path: str, shown: str | None = None) -> dict[str, Any]:
    """One TOML file as a table, or a `ConfigFileError` naming the file (and line and column)."""
    shown = shown or path
    try:
        if os.path.isdir(path):
            raise ConfigFileError(shown, "cannot read: it is a directory")
        size = os.path.getsize(path)
        if size > MAX_FILE_BYTES:
            raise ConfigFileError(shown, f"cannot read: it is {size:,} bytes, over the 256 KB limit for a config file")
        with open(path, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        raise ConfigFileError(shown, "cannot read: no such file") from None
    except PermissionError:
        raise ConfigFileError(shown, "cannot read: permission denied") from None
    except OSError as error:
        raise ConfigFileError(shown, f"cannot read: {error.strerror or error}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ConfigFileError(shown, "cannot read: it is not UTF-8 text") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        found = re.search(r" \(at line (\d+), column (\d+)\)$", str(error))
        reason = str(error)[: found.start()] if found else str(error)
        line, column = (int(found.group(1)), int(found.group(2))) if found else (None, None)
        raise ConfigFileError(shown, f"invalid TOML: {reason}", line, column) from None


def _take_extends(table: dict[str, Any], shown: str) -> list[str]:
    """Removes a root `extends` (a string or a list of strings), as the trainer does."""
    if "extends" not in table:
        return []
    extends = table.pop("extends")
    if isinstance(extends, str):
        return [extends]
    if isinstance(extends, list):
        for entry in extends:
            if not isinstance(entry, str):
                raise ConfigFileError(shown, f"extends entries must be strings, got {_toml_type(entry)}")
        return list(extends)
    raise ConfigFileError(shown, f"extends must be a string or array of strings, got {_toml_type(extends)}")


#: The type names of the `toml` crate's `Value::type_str`, bool before int as bool is an int.
_TOML_TYPES = ((bool, "boolean"), (int, "integer"), (float, "float"), (str, "string"), (list, "array"), (dict, "table"))


def _toml_type(value: Any) -> str:
    return next((name for kind, name in _TOML_TYPES if isinstance(value, kind)), "datetime")


def merge_values(base: Any, overlay: Any) -> Any:
    """The trainer's merge: tables key by key, a string `type` that changes clears the base table
    first; anything else (lists included) replaces. Returns the merged value; `base` is updated."""
    if not (isinstance(base, dict) and isinstance(overlay, dict)):
        return overlay
    overlay_type = overlay.get("type")
    if isinstance(overlay_type, str):
        if "type" in base:
            changed = not isinstance(base["type"], str) or base["type"] != overlay_type
        else:
            changed = bool(base)
        if changed:
            base.clear()
    for key, value in overlay.items():
        base[key] = merge_values(base[key], value) if key in base else value
    return base


def _load(path: str, stack: list[str], loaded: list[_Loaded], shown: str) -> dict[str, Any]:
    canonical = os.path.realpath(path)
    if not os.path.exists(canonical):
        raise ConfigFileError(shown, "cannot read: no such file")
    if canonical in stack:
        cycle = [_display(seen) for seen in stack[stack.index(canonical) :]] + [_display(canonical)]
        raise ConfigFileError(_display(stack[-1]), f"extends cycle: {' -> '.join(cycle)}")
    stack.append(canonical)
    try:
        table = read_toml(canonical, shown)
        extends = _take_extends(table, shown)
        if not extends:
            loaded.append(_Loaded(shown, table))
            return table
        merged: dict[str, Any] = {}
        folder = os.path.dirname(canonical)
        for entry in extends:
            base_path = os.path.join(folder, entry)
            merged = merge_values(merged, _load(base_path, stack, loaded, _display(base_path)))
        loaded.append(_Loaded(shown, table))
        return merge_values(merged, _copy(table))
    finally:
        stack.pop()


def _copy(value: Any) -> Any:
    """A deep copy of tables and lists, so merging never changes a file's own table."""
    if isinstance(value, dict):
        return {key: _copy(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copy(item) for item in value]
    return value


def _has_fast_train(value: Any) -> bool:
    """Whether any table, at any depth, holds a `training` table with `fast_train`."""
    if isinstance(value, dict):
        training = value.get("training")
        if isinstance(training, dict) and "fast_train" in training:
            return True
        return any(_has_fast_train(child) for child in value.values())
    if isinstance(value, list):
        return any(_has_fast_train(child) for child in value)
    return False


def load_config(path: str | os.PathLike[str], *, extends: bool = True) -> dict[str, Any]:
    """A config file merged with its `extends` chain as the trainer merges it (`training.fast_train`
    is not checked here). Raises `ConfigFileError` as `validate_file` does."""
    return _load_config(path, extends=extends)[0]


def _load_config(path: str | os.PathLike[str], *, extends: bool) -> tuple[dict[str, Any], list[_Loaded]]:
    """The merged document, and each file's own table in merge order."""
    shown = os.fspath(path)
    loaded: list[_Loaded] = []
    if not extends:
        table = read_toml(shown)
        loaded.append(_Loaded(shown, table))
        return table, loaded
    return _load(shown, [], loaded, shown), loaded


def _origin(loaded: list[_Loaded], tokens: list[str]) -> str:
    """The file that set the value at a path: the last merged one holding it, or its nearest table."""
    for depth in range(len(tokens), -1, -1):
        for entry in reversed(loaded):
            node: Any = entry.table
            for token in tokens[:depth]:
                if isinstance(node, dict) and token in node:
                    node = node[token]
                elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
                    node = node[int(token)]
                else:
                    break
            else:
                return entry.file
    return loaded[-1].file


def validate_file(path: str | os.PathLike[str], *, extends: bool = True) -> list[Issue]:
    """The issues of a TOML config file, read as the trainer reads it (empty when valid).

    `extends` (a string or a list of strings, each relative to the file's real folder) is
    followed and merged as the trainer merges; `training.fast_train` anywhere in the merged
    document is rejected (stage ``"load"``). Each issue names the file that set the value.
    Raises `ConfigFileError` for a file that cannot be checked: unreadable, not TOML, a
    missing base, an `extends` cycle or an `extends` of the wrong type.
    """
    document, loaded = _load_config(path, extends=extends)
    if extends and _has_fast_train(document):
        return [Issue("load", "", FAST_TRAIN_REMOVED, file=os.fspath(path))]
    return [replace(issue, file=_origin(loaded, pointer_tokens(issue.path))) for issue in validate(document)]
