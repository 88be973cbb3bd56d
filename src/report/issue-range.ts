import type { ConfigDocument, Range } from "../text/config-document";
import type { Located } from "../text/located";
import { parentPointer, pointerTokens } from "../util/pointer";
import { documentShape } from "../validate/generated";
import { fieldOf, innerShape, type Shape } from "../validate/shape";
import { writtenRange } from "./written";

/**
 * The stretch of its file an issue is about: the value it judges; for a table, or a key serde
 * does not know (an unknown field, a mistyped section), the key; for an omitted field, the key
 * of the table that lacks it. Where the reader gave no ends, the key or value written at the
 * issue's position in `text`, the text of its file, when given; `undefined` where neither
 * tells (the issue's position is all there is).
 */
export function issueRange(located: Located, spans: ConfigDocument["spans"], text?: string): Range | undefined {
  const { path } = located.issue;
  const part = keyKind(path) === "value" ? "value" : "key";
  const span = spans.get(path);
  const spanned = span && (part === "value" ? (span.value ?? span.key) : (span.key ?? span.value));
  if (spanned) return spanned;
  if (!span) {
    for (let at = path; at !== ""; ) {
      at = parentPointer(at);
      const table = spans.get(at);
      if (table?.key) return table.key;
    }
  }
  return text === undefined ? undefined : writtenRange(text, located.at, part);
}

/**
 * What the last key of a pointer names, by the document's shape: a `value` (a field, or an item
 * of a list or of an open table), a `table` (a struct or a table of the document), or a key
 * `unknown` to the struct or table that holds it.
 */
export function keyKind(pointer: string): "value" | "table" | "unknown" {
  let shape: Shape | undefined = documentShape;
  const tokens = pointerTokens(pointer);
  for (let i = 0; i < tokens.length; i++) {
    if (shape === undefined) return "value";
    const field = fieldOf(shape, tokens[i]);
    if (field === undefined) return "unknown";
    if (i === tokens.length - 1) return "default" in field ? "value" : "table";
    shape = innerShape(field);
  }
  return "table";
}
