import type { ConfigDocument, Range } from "../text/config-document";
import type { Located } from "../text/located";
import { parentPointer, pointerTokens } from "../util/pointer";
import { documentShape } from "../validate/generated";
import { fieldOf, innerShape, type Shape } from "../validate/shape";

/**
 * The stretch of its file an issue is about: the value it judges; for a table, or a key serde
 * does not know (an unknown field, a mistyped section), the key; for an omitted field, the key
 * of the table that lacks it. `undefined` where the reader gave no ends (the issue's position
 * is all there is).
 */
export function issueRange(located: Located, spans: ConfigDocument["spans"]): Range | undefined {
  const { path } = located.issue;
  const span = spans.get(path);
  if (span) return keyKind(path) === "value" ? (span.value ?? span.key) : (span.key ?? span.value);
  for (let at = path; at !== ""; ) {
    at = parentPointer(at);
    const table = spans.get(at);
    if (table?.key) return table.key;
  }
  return undefined;
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
