import type { Range } from "../text/config-document";
import type { Position } from "../text/parse/position";

/**
 * The lines of a file an issue stands on, as compilers show them: the line with its number,
 * then a caret under the stretch (`^^^^`), which ends at the line's end where it runs on.
 * Tabs stay tabs under the text, so that the caret lands where the text does.
 */
export function codeFrame(text: string, at: Position, range?: Range): string[] {
  const lines = text.split(/\r?\n|\r/);
  const line = lines[at.line - 1];
  if (line === undefined) return [];
  const number = String(at.line);
  const gutter = " ".repeat(number.length);
  const from = Math.min(at.column - 1, line.length);
  const to = range && range.end.line === at.line ? Math.max(from + 1, Math.min(range.end.column - 1, line.length)) : range ? line.length : from + 1;
  const lead = line.slice(0, from).replace(/[^\t]/g, " ");
  return [`${number} | ${line}`, `${gutter} | ${lead}${"^".repeat(Math.max(1, to - from))}`];
}
