import type { Range } from "../text/config-document";
import { LineIndex, type Position } from "../text/parse/position";

/** A key as a file writes it: bare, or a string in quotes. */
const KEY = /(?:"(?:[^"\\\r\n]|\\.)*"|'[^'\r\n]*'|[\w-]+)/y;
/** A scalar value as a file writes it: a string in quotes, or a run up to the next delimiter. */
const SCALAR = /(?:"(?:[^"\\\r\n]|\\.)*"|'[^'\r\n]*'|[^\s,[\]{}#"']+)/y;
/** What stands between a key and its value: `=`, or `:` in JSON and YAML. */
const ASSIGN = /[ \t]*[=:][ \t]*/y;

/**
 * Where a reader gave a key or value no ends, the stretch written at its position: the key
 * there; for `value`, the scalar after that key's `=` (or the scalar at the position, a list
 * item's), else the key (a table, a list). `undefined` where the text there is neither.
 */
export function writtenRange(text: string, at: Position, part: "key" | "value"): Range | undefined {
  const lines = new LineIndex(text);
  const start = lines.offsetOf(at);
  const keyEnd = match(KEY, text, start);
  const valueStart = keyEnd === undefined ? start : (match(ASSIGN, text, keyEnd) ?? start);
  const valueEnd = part === "value" ? match(SCALAR, text, valueStart) : undefined;
  const [from, to] = valueEnd === undefined ? [start, keyEnd] : [valueStart, valueEnd];
  if (to === undefined) return undefined;
  const file = at.file;
  return { start: { ...lines.at(from), file }, end: { ...lines.at(to), file } };
}

/** The offset just after `pattern` matched at `offset`, if it does. */
function match(pattern: RegExp, text: string, offset: number): number | undefined {
  pattern.lastIndex = offset;
  return pattern.test(text) ? pattern.lastIndex : undefined;
}
