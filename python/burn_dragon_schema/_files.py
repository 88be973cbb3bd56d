"""Config files read as the trainer reads them: TOML, `extends`, merging, `training.fast_train`."""

from __future__ import annotations

import errno
import json
import math
import os
import stat
import sys
from dataclasses import dataclass, field, replace
from typing import Any, BinaryIO, Sequence

from ._schema import Issue, pointer, pointer_tokens
from ._toml import TomlError, read_toml
from ._unknown import unknown_keys
from ._validate import validate

#: Files over this size are refused unread, as by the Node package: configs are kilobytes.
MAX_FILE_BYTES = 256 * 1024
#: Real chains are a handful of files deep; a deeper one is a mistake (or generated), and is refused.
MAX_EXTENDS_DEPTH = 64
#: How many values the merges of one config may handle in all: a bound on the work a file that
#: names large bases again and again can ask for.
MAX_MERGED_VALUES = 200_000

#: How standard input is named in reports.
STDIN = "<stdin>"

FAST_TRAIN_REMOVED = (
    "training.fast_train has been removed from the language config schema; "
    "use training.launch_mode and training.sequence_kernel_override explicitly"
)


class ConfigFileError(Exception):
    """A config that cannot be checked: a file that cannot be read or is not text, a base that
    cannot be read. Reported at `file`, and at `key` (`extends[0]`) of it where one names the
    file that failed; `line` and `column` where a TOML reader gave them (`load_config` raises
    it for a config the trainer refuses, too)."""

    def __init__(
        self, file: str, message: str, line: int | None = None, column: int | None = None, key: str | None = None
    ) -> None:
        super().__init__(f"{file}: {message}")
        self.file = file
        self.message = message
        self.line = line
        self.column = column
        self.key = key


@dataclass
class FileCheck:
    """The verdict on one config: `errors` in the order the trainer reports them (empty when the
    trainer accepts it), and `warnings`: the keys Rust ignores, unless `strict` made them errors."""

    errors: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not self.errors


class _Invalid(Exception):
    """A config the trainer refuses before serde reads it (a file of the chain that is not TOML,
    an `extends` cycle, an `extends` of the wrong shape): it is invalid, with this one issue."""

    def __init__(self, issue: Issue) -> None:
        super().__init__(issue.message)
        self.issue = issue


def _refused(file: str, message: str) -> _Invalid:
    """The trainer's loader refuses the config: an issue of stage `load` at `extends`, in the file that has it."""
    return _Invalid(Issue("load", "/extends", message, file=file))


_REASONS = {
    errno.ENOENT: "no such file",
    errno.ENOTDIR: "a part of the path is not a directory",
    errno.EISDIR: "it is a directory, not a file",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ELOOP: "too many levels of symbolic links",
    errno.ENAMETOOLONG: "the path is too long",
    errno.EMFILE: "too many open files",
}


def _reason(error: OSError) -> str:
    """Why a file system call failed, in words."""
    return _REASONS.get(error.errno or 0) or error.strerror or str(error)


def _amount(size: int) -> str:
    return f"{math.ceil(size / 1024)} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"


def _too_big(size: int | None = None) -> str:
    return f"it is {'' if size is None else _amount(size) + ', '}over the {_amount(MAX_FILE_BYTES)} limit for a config file"


def _read_at_most(handle: BinaryIO, limit: int) -> bytes:
    chunks: list[bytes] = []
    total = 0
    while total < limit:
        chunk = handle.read(min(1 << 20, limit - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def read_text(path: str, shown: str | None = None) -> str:
    """The text of a config file: a regular file (checked before it is opened, so a FIFO or a
    device never blocks), at most `MAX_FILE_BYTES`, UTF-8 without NUL bytes."""
    shown = path if shown is None else shown
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise ConfigFileError(shown, "cannot read: it is a directory, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise ConfigFileError(shown, "cannot read: it is not a regular file")
        if info.st_size > MAX_FILE_BYTES:
            raise ConfigFileError(shown, f"cannot read: {_too_big(info.st_size)}")
        with open(path, "rb") as handle:
            data = _read_at_most(handle, MAX_FILE_BYTES + 1)
    except OSError as error:
        raise ConfigFileError(shown, f"cannot read: {_reason(error)}") from None
    return _config_text(data, shown)


def read_stdin(stream: BinaryIO | None = None) -> str:
    """Standard input read to its end, with the same limit and checks as a file's."""
    try:
        data = _read_at_most(stream or sys.stdin.buffer, MAX_FILE_BYTES + 1)
    except OSError as error:
        raise ConfigFileError(STDIN, f"cannot read: {_reason(error)}") from None
    return _config_text(data, STDIN)


def _config_text(data: bytes, shown: str) -> str:
    if len(data) > MAX_FILE_BYTES:
        raise ConfigFileError(shown, f"cannot read: {_too_big()}")
    if b"\0" in data:
        raise ConfigFileError(shown, "not a text file: it contains NUL bytes")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise ConfigFileError(shown, "not a text file: it is not valid UTF-8") from None


def _table(text: str, shown: str) -> dict[str, Any]:
    try:
        return read_toml(text)
    except TomlError as error:
        raise _Invalid(Issue("deserialize", "", error.message, file=shown, line=error.line, column=error.column)) from None


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


def _copy(value: Any) -> Any:
    """A deep copy of tables and lists, so merging never changes a file's own table."""
    if isinstance(value, dict):
        return {key: _copy(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copy(item) for item in value]
    return value


def _size(value: Any) -> int:
    """How many values a table holds, itself included: what merging it costs."""
    count = 0
    pending = [value]
    while pending:
        item = pending.pop()
        count += 1
        if isinstance(item, dict):
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
    return count


def _display(path: str) -> str:
    """A base's path as the user would type it: relative to the working directory."""
    return os.path.relpath(path) or path


@dataclass
class _Reached:
    """An `extends` entry: the path it names, the file (as shown) and key that name it."""

    path: str
    file: str
    key: str


@dataclass
class _Resolved:
    """A file with its `extends` resolved: the merged table, and every file's own table in merge order."""

    table: dict[str, Any]
    own: list[tuple[str, dict[str, Any]]]


class _Loader:
    """The trainer's loader (`load_merged_toml` in burn_dragon_language's `config/merge.rs`)."""

    def __init__(self, follow_extends: bool) -> None:
        self.follow_extends = follow_extends
        # A base that several files extend is read and resolved once.
        self.resolved: dict[str, _Resolved] = {}
        self.merged_values = 0

    def load(self, file: str, shown: str, reached: _Reached | None, chain: list[tuple[str, str]]) -> tuple[str, _Resolved]:
        try:
            real = os.path.realpath(file, strict=True)
        except OSError as error:
            if reached is None:
                raise ConfigFileError(shown, f"cannot read: {_reason(error)}") from None
            raise self._at(reached, f"cannot read {shown}: {_reason(error)}") from None
        seen = next((i for i, (link, _) in enumerate(chain) if link == real), None)
        if seen is not None:
            cycle = " -> ".join([link for link, _ in chain[seen:]] + [real])
            assert reached is not None
            raise _refused(reached.file, f"config extends cycle detected: {cycle}")
        done = self.resolved.get(real)
        if done is not None:
            return real, done
        if chain and len(chain) >= MAX_EXTENDS_DEPTH:
            assert reached is not None
            raise ConfigFileError(reached.file, f"extends chain from {chain[0][1]} is deeper than {MAX_EXTENDS_DEPTH} files", key=reached.key)
        try:
            text = read_text(real, shown)
        except ConfigFileError as problem:
            if reached is None:
                raise
            raise self._at(reached, f"{shown}: {problem.message}") from None
        table = _table(text, shown)
        bases = self._bases(table, shown) if self.follow_extends else []
        if self.follow_extends:
            # `extends` is an instruction to the loader, not a setting.
            table.pop("extends", None)
        merged: dict[str, Any] | None = None
        own: list[tuple[str, dict[str, Any]]] = []
        previous = None
        for base in bases:
            target = base.path if os.path.isabs(base.path) else os.path.join(os.path.dirname(real), base.path)
            base_real, loaded = self.load(target, _display(target), base, [*chain, (real, shown)])
            # The same base again, straight after itself, changes nothing: merging is idempotent.
            if base_real == previous:
                continue
            previous = base_real
            own += loaded.own
            merged = _copy(loaded.table) if merged is None else self._merge(merged, loaded.table, shown, base.key)
        own.append((shown, table))
        resolved = _Resolved(table if merged is None else self._merge(merged, table, shown), own)
        self.resolved[real] = resolved
        return real, resolved

    @staticmethod
    def _at(reached: _Reached, message: str) -> ConfigFileError:
        return ConfigFileError(reached.file, f"extends {json.dumps(reached.path, ensure_ascii=False)}: {message}", key=reached.key)

    @staticmethod
    def _bases(table: dict[str, Any], shown: str) -> list[_Reached]:
        """The bases a file names: `extends = "base.toml"` or `extends = ["a.toml", "b.toml"]`, at the root only."""
        if "extends" not in table:
            return []
        value = table["extends"]
        if isinstance(value, str):
            return [_Reached(value, shown, "extends")]
        if not isinstance(value, list):
            raise _refused(shown, f"extends must be a string or array of strings, got {_toml_type(value)}")
        for entry in value:
            if not isinstance(entry, str):
                raise _refused(shown, f"extends entries must be strings, got {_toml_type(entry)}")
        return [_Reached(entry, shown, f"extends[{i}]") for i, entry in enumerate(value)]

    def _merge(self, base: dict[str, Any], top: dict[str, Any], shown: str, key: str | None = None) -> dict[str, Any]:
        self.merged_values += _size(base) + _size(top)
        if self.merged_values > MAX_MERGED_VALUES:
            message = f"the merged config is too large to check: its extends merge more than {MAX_MERGED_VALUES} values"
            raise ConfigFileError(shown, message, key=key)
        return merge_values(base, _copy(top))


def _paths(paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]]) -> list[str]:
    return [os.fspath(paths)] if isinstance(paths, (str, os.PathLike)) else [os.fspath(path) for path in paths]


def _load(files: list[str], extends: bool) -> _Resolved:
    """The files merged left to right, as the trainer merges its repeated `--config`."""
    loader = _Loader(extends)
    merged: dict[str, Any] | None = None
    own: list[tuple[str, dict[str, Any]]] = []
    for file in files:
        resolved = loader.load(file, file, None, [])[1]
        merged = _copy(resolved.table) if merged is None else loader._merge(merged, resolved.table, file)
        own += resolved.own
    if merged is None:
        raise ConfigFileError("", "at least one configuration path is required")
    return _Resolved(merged, own)


def load_config(paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]], *, extends: bool = True) -> dict[str, Any]:
    """A config file (or several, merged left to right) merged with its `extends` chain as the
    trainer merges it (`training.fast_train` is not checked here). Raises `ConfigFileError` as
    `check_file` does, and for a file of the chain that is not TOML, with its line and column."""
    files = _paths(paths)
    try:
        return _load(files, extends).table
    except _Invalid as invalid:
        issue = invalid.issue
        raise ConfigFileError(issue.file or files[0], issue.message, issue.line, issue.column) from None


def _origin(own: list[tuple[str, dict[str, Any]]], tokens: list[str]) -> str:
    """The file that set the value at a path: the last merged one holding it, or its nearest table."""
    for depth in range(len(tokens), -1, -1):
        for file, table in reversed(own):
            node: Any = table
            for token in tokens[:depth]:
                if isinstance(node, dict) and token in node:
                    node = node[token]
                elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
                    node = node[int(token)]
                else:
                    break
            else:
                return file
    return own[-1][0]


def removed_fast_train(document: dict[str, Any]) -> str | None:
    """The pointer to the first `training.fast_train` in the trainer's order (keys sorted, as its
    tables are), at any depth, inside lists too: the trainer's last check of merged files."""
    pending: list[tuple[Any, list[str]]] = [(document, [])]
    while pending:
        value, tokens = pending.pop()
        children: list[tuple[Any, list[str]]] = []
        if isinstance(value, list):
            children = [(item, [*tokens, str(i)]) for i, item in enumerate(value)]
        elif isinstance(value, dict):
            training = value.get("training")
            if isinstance(training, dict) and "fast_train" in training:
                return pointer([*tokens, "training", "fast_train"])
            children = [(value[key], [*tokens, key]) for key in sorted(value)]
        pending.extend(reversed(children))
    return None


def _check(document: dict[str, Any], own: list[tuple[str, dict[str, Any]]], *, extends: bool, strict: bool) -> FileCheck:
    def placed(issues: list[Issue]) -> list[Issue]:
        return [replace(issue, file=_origin(own, pointer_tokens(issue.path))) for issue in issues]

    unknown = placed(unknown_keys(document))
    errors = placed(validate(document)) + (unknown if strict else [])
    refused = removed_fast_train(document) if extends else None
    if refused is not None:
        # The loader refuses the merged files before serde or validate() see them.
        errors = placed([Issue("load", refused, FAST_TRAIN_REMOVED)])
    return FileCheck(errors, [] if strict else unknown)


def check_file(
    paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]], *, extends: bool = True, strict: bool = False
) -> FileCheck:
    """The verdict on a TOML config file read as the trainer reads it; on several, merged left
    to right as the trainer merges its repeated `--config`.

    `extends` (a string or a list of strings, each relative to the file's real folder) is
    followed and merged as the trainer merges; `training.fast_train` anywhere in the merged
    document is rejected (stage ``"load"``). What the trainer refuses before serde reads it
    makes the config invalid, with one issue: a file of the chain that is not TOML (stage
    ``"deserialize"``, ``invalid TOML: …``, at its line and column), an `extends` cycle or an
    `extends` of the wrong shape (stage ``"load"``, the trainer's message, in the file that
    has it). Each issue names the file that set the value. Raises `ConfigFileError` for a
    config that cannot be checked: a file that cannot be read or is not UTF-8 text, a base
    that cannot be read.
    """
    files = _paths(paths)
    try:
        resolved = _load(files, extends)
        return _check(resolved.table, resolved.own, extends=extends, strict=strict)
    except _Invalid as invalid:
        return FileCheck([invalid.issue], [])
    except RecursionError:
        raise ConfigFileError(" + ".join(files), "cannot check: it is nested too deeply") from None


def validate_file(
    paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]], *, extends: bool = True, strict: bool = False
) -> list[Issue]:
    """The errors `check_file` finds: empty when the trainer accepts the config."""
    return check_file(paths, extends=extends, strict=strict).errors


def check_text(text: str, *, file: str = STDIN, extends: bool = True, strict: bool = False) -> FileCheck:
    """The verdict on one TOML text as the trainer reads a file of it, named `file` in issues.
    Having no folder, the text cannot follow `extends`: with `extends`, a root `extends` is a
    `ConfigFileError`; without, it is a plain key."""
    try:
        table = _table(text, file)
        if extends and "extends" in table:
            message = "cannot follow extends from standard input, which has no folder for its paths: name the file, or pass --no-extends"
            raise ConfigFileError(file, message, key="extends")
        return _check(table, [(file, table)], extends=extends, strict=strict)
    except _Invalid as invalid:
        return FileCheck([invalid.issue], [])
    except RecursionError:
        raise ConfigFileError(file, "cannot check: it is nested too deeply") from None


def validate_text(text: str, *, strict: bool = False) -> list[Issue]:
    """The issues of one TOML text read as the trainer reads one file (no `extends` followed,
    `training.fast_train` not checked), in the trainer's order: empty when it accepts it. A
    text that is not TOML gives one issue (stage ``"deserialize"``, ``invalid TOML: …``)."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_FILE_BYTES:
        return [Issue("deserialize", "", f"the text cannot be checked: {_too_big(size)}")]
    try:
        document = read_toml(text)
    except TomlError as error:
        return [Issue("deserialize", "", error.message, line=error.line, column=error.column)]
    try:
        return validate(document, strict=strict)
    except RecursionError:
        return [Issue("deserialize", "", "the text cannot be checked: it is nested too deeply")]
