import * as path from "node:path";
import type { Position as LspPosition, Range as LspRange } from "vscode-languageserver-types";
import type { LoadedFile } from "../files/extends";
import type { ConfigDocument, Range } from "../text/config-document";
import type { Position } from "../text/parse/position";

/** A file's URI, by its real path: the one its editor opened it under, or its `file:` URI. */
export type UriOf = (real: string) => string;

/** A place in the editor's terms: 0-based, in UTF-16 code units, as the package's columns count them. */
export function toLsp(at: Position): LspPosition {
  return { line: Math.max(0, at.line - 1), character: Math.max(0, at.column - 1) };
}

export function fromLsp(at: LspPosition): Position {
  return { line: at.line + 1, column: at.character + 1 };
}

/** A stretch in the editor's terms; where none is known, the place alone. */
export function lspRange(range: Range | undefined, at: Position): LspRange {
  return range ? { start: toLsp(range.start), end: toLsp(range.end) } : { start: toLsp(at), end: toLsp(at) };
}

/** How `file` is named from `from`'s folder, as an `extends` entry there would name it. */
export function nameFrom(from: string, file: string): string {
  const relative = path.relative(path.dirname(from), file);
  return relative === "" ? path.basename(file) : relative.split(path.sep).join("/");
}

/** `file:line:column`, the file named from `from`'s folder. */
export function placeName(from: string, file: string, at: Position): string {
  return `${nameFrom(from, file)}:${at.line}:${at.column}`;
}

/** The stretch of what is written at `at` in a file: the value whose key or item stands there. */
export function stretchAt(file: LoadedFile, at: Position): Range | undefined {
  const pointer = pointerWithPosition(file.document, at);
  const span = pointer === undefined ? undefined : file.document?.spans.get(pointer);
  return span?.value ?? span?.key;
}

/** The stretch of the key set at `at` in a file. */
export function keyStretch(file: LoadedFile, at: Position): Range | undefined {
  const pointer = pointerWithPosition(file.document, at);
  const span = pointer === undefined ? undefined : file.document?.spans.get(pointer);
  return span?.key ?? span?.value;
}

/** The pointer a document sets at exactly `at`. */
export function pointerWithPosition(document: ConfigDocument | undefined, at: Position): string | undefined {
  if (document === undefined) return undefined;
  for (const [pointer, position] of document.positions) {
    if (pointer !== "" && position.line === at.line && position.column === at.column) return pointer;
  }
  return undefined;
}

/** Whether `at` lies in `range` (its end included: a cursor just after a word is on it). */
export function contains(range: Range, at: Position): boolean {
  const afterStart = at.line > range.start.line || (at.line === range.start.line && at.column >= range.start.column);
  const beforeEnd = at.line < range.end.line || (at.line === range.end.line && at.column <= range.end.column);
  return afterStart && beforeEnd;
}

/** Whether two editor ranges share a place. */
export function overlaps(a: LspRange, b: LspRange): boolean {
  const before = (x: LspPosition, y: LspPosition) => x.line < y.line || (x.line === y.line && x.character < y.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}
