import type { LoadedFile } from "../files/extends";
import { writtenRange } from "../report/written";
import type { Range } from "../text/config-document";
import { LineIndex, type Position } from "../text/parse/position";
import { parentPointer, valueAt } from "../util/pointer";
import { contains } from "./places";

/** What the cursor is on: the key or the value at a pointer of the file's own document, and its stretch. */
export interface AtCursor {
  pointer: string;
  part: "key" | "value";
  range?: Range;
}

/**
 * The key or value of a file's own document under `at`: by the spans the reader gave (the
 * innermost that holds it), else, where it gave none, by the places keys are set on that line
 * (the last one at or before the cursor).
 */
export function keyAt(file: LoadedFile, at: Position): AtCursor | undefined {
  const { document, text } = file;
  if (document === undefined || text === undefined) return undefined;
  const lines = new LineIndex(text);
  let best: (AtCursor & { start: number }) | undefined;
  for (const [pointer, span] of document.spans) {
    for (const part of ["key", "value"] as const) {
      const range = span[part];
      if (range === undefined || !contains(range, at)) continue;
      const start = lines.offsetOf(range.start);
      if (best === undefined || start > best.start) best = { pointer, part, range, start };
    }
  }
  if (best) return { pointer: best.pointer, part: best.part, range: best.range };
  let onLine: { pointer: string; column: number } | undefined;
  for (const [pointer, position] of document.positions) {
    if (pointer === "" || position.line !== at.line || position.column > at.column) continue;
    if (document.spans.get(pointer)?.key || document.spans.get(pointer)?.value) continue;
    if (onLine === undefined || position.column > onLine.column) onLine = { pointer, column: position.column };
  }
  if (onLine === undefined) return undefined;
  const place = { line: at.line, column: onLine.column };
  // A list's item is set where its value stands; any other value, at its key.
  const item = Array.isArray(valueAt(document.value, parentPointer(onLine.pointer)));
  const key = item ? undefined : writtenRange(text, place, "key");
  if (key && contains(key, at)) return { pointer: onLine.pointer, part: "key", range: key };
  return { pointer: onLine.pointer, part: "value", range: writtenRange(text, place, "value") };
}
