import type { LoadedFile } from "../files/extends";
import type { Range } from "../text/config-document";
import { LineIndex, type Position } from "../text/parse/position";
import { contains } from "./places";

/** What the cursor is on: the key or the value at a pointer of the file's own document, and its stretch. */
export interface AtCursor {
  pointer: string;
  part: "key" | "value";
  range: Range;
}

/**
 * The key or value of a file's own document under `at`: the innermost stretch the reader spans
 * that holds it (the one that starts last; of two that start together, a YAML table and its
 * first key, the one that ends first).
 */
export function keyAt(file: LoadedFile, at: Position): AtCursor | undefined {
  const { document, text } = file;
  if (document === undefined || text === undefined) return undefined;
  const lines = new LineIndex(text);
  let best: (AtCursor & { start: number; end: number }) | undefined;
  for (const [pointer, span] of document.spans) {
    for (const part of ["key", "value"] as const) {
      const range = span[part];
      if (range === undefined || !contains(range, at)) continue;
      const [start, end] = [lines.offsetOf(range.start), lines.offsetOf(range.end)];
      if (best === undefined || start > best.start || (start === best.start && end < best.end)) best = { pointer, part, range, start, end };
    }
  }
  return best && { pointer: best.pointer, part: best.part, range: best.range };
}
