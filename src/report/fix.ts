import type { ConfigDocument, Range } from "../text/config-document";
import type { Located } from "../text/located";
import { LineIndex } from "../text/parse/position";
import { childPointer, parentPointer } from "../util/pointer";
import { keyKind } from "./issue-range";

/** A change to one file that mends an issue: the text between `range`'s ends becomes `newText`. */
export interface Fix {
  file: string;
  range: Range;
  newText: string;
  /** What the change does, in a few words: ``write `bitnet_b158` ``. */
  title: string;
}

/**
 * The fix of an issue that has one answer (its `suggestion`: a variant in another case or one
 * edit away, a field one edit away): the smallest change in the file that set the value, the
 * name alone, inside its quotes. `undefined` where there is none, where the text at the place
 * is not the value or key the issue names (a YAML alias, a stale position), or where a key
 * would be renamed onto one its table already holds.
 */
export function fixOf(located: Located, spans: ConfigDocument["spans"], textOf: (file: string) => string | undefined): Fix | undefined {
  const { suggestion, path } = located.issue;
  const file = located.at.file;
  if (suggestion === undefined || file === undefined) return undefined;
  const span = spans.get(path);
  const renamesKey = keyKind(path) !== "value";
  // A key renamed onto one its table already has in the same file would merge two settings of that file: no single answer.
  if (renamesKey && spans.get(childPointer(parentPointer(path), suggestion))?.key?.start.file === file) return undefined;
  const range = renamesKey ? span?.key : span?.value;
  const text = textOf(file);
  if (range === undefined || text === undefined) return undefined;
  const inner = insideQuotes(text, range);
  if (inner === undefined) return undefined;
  return { file, range: inner, newText: suggestion, title: `write \`${suggestion}\`` };
}

/**
 * The part of `range` inside a string's quotes (or all of it, for a bare key or a plain YAML
 * scalar), where it holds a name: word characters and dashes, and inside quotes the spaces a
 * slip leaves around one (`" int8"`).
 */
function insideQuotes(text: string, range: Range): Range | undefined {
  const lines = new LineIndex(text);
  const start = lines.offsetOf(range.start);
  const end = lines.offsetOf(range.end);
  const written = text.slice(start, end);
  const quote = /^("""|'''|"|')/.exec(written)?.[0] ?? "";
  const inner = written.slice(quote.length, written.length - quote.length);
  if ((quote !== "" && !written.endsWith(quote)) || !(quote === "" ? /^[\w-]+$/ : /^ *[\w-]+ *$/).test(inner)) return undefined;
  const file = range.start.file;
  return { start: { ...lines.at(start + quote.length), file }, end: { ...lines.at(end - quote.length), file } };
}

/**
 * `text` with `fixes` (all of one file) made, in the text's order: a fix the same as another
 * once, and fixes that overlap a different one left out, since two answers to one place are not
 * one answer. `applied` are the fixes made, in the text's order.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): { text: string; applied: Fix[] } {
  const lines = new LineIndex(text);
  const placed = fixes
    .map((fix): Placed => ({ fix, start: lines.offsetOf(fix.range.start), end: lines.offsetOf(fix.range.end) }))
    .sort((a, b) => a.start - b.start || a.end - b.end || (a.fix.newText < b.fix.newText ? -1 : a.fix.newText > b.fix.newText ? 1 : 0));
  const unique = placed.filter((one, i) => i === 0 || !sameEdit(placed[i - 1], one));
  const kept = unique.filter((one) => !unique.some((other) => other !== one && overlap(one, other)));
  let out = "";
  let at = 0;
  for (const { fix, start, end } of kept) {
    out += text.slice(at, start) + fix.newText;
    at = end;
  }
  return { text: out + text.slice(at), applied: kept.map(({ fix }) => fix) };
}

/** A fix with its ends as offsets in its text. */
interface Placed {
  fix: Fix;
  start: number;
  end: number;
}

function sameEdit(a: Placed, b: Placed): boolean {
  return a.start === b.start && a.end === b.end && a.fix.newText === b.fix.newText;
}

/** Whether two edits touch the same characters; an insertion counts as taking the place it stands at. */
function overlap(a: Placed, b: Placed): boolean {
  return a.start < Math.max(b.end, b.start + 1) && b.start < Math.max(a.end, a.start + 1);
}
