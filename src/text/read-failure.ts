import type { Located } from "./located";
import { BeyondBounds } from "./parse/beyond-bounds";
import { ConfigSyntaxError } from "./parse/syntax-error";

const NAMES = { toml: "TOML", json: "JSON", yaml: "YAML" } as const;

/**
 * A text that could not be read: its one issue, and for a text beyond what this package
 * checks (not a syntax error the trainer refuses) the reason it is not checked.
 */
export interface ReadFailure {
  located: Located;
  unchecked?: string;
}

/**
 * A text that could not be read, as one issue: malformed (the trainer refuses it), or beyond
 * the bounds the package reads within, nested deeper than a parser can follow, or a parser
 * failure (`unchecked`). Never a stack trace.
 */
export function readFailure(error: unknown, format: keyof typeof NAMES): ReadFailure {
  if (error instanceof ConfigSyntaxError) {
    return { located: { issue: { stage: "deserialize", path: "", message: `invalid ${NAMES[format]}: ${error.message}` }, at: error.at } };
  }
  if (error instanceof BeyondBounds) return uncheckable(error.message, error.at);
  const reason =
    error instanceof RangeError ? "it is nested too deeply to read" : `the ${NAMES[format]} parser failed (${error instanceof Error ? error.message : String(error)})`;
  return uncheckable(reason, { line: 1, column: 1 });
}

function uncheckable(reason: string, at: Located["at"]): ReadFailure {
  return { located: { issue: { stage: "deserialize", path: "", message: `the text cannot be checked: ${reason}` }, at }, unchecked: reason };
}
