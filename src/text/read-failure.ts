import type { Located } from "./located";
import { ConfigSyntaxError } from "./parse/syntax-error";

const NAMES = { toml: "TOML", json: "JSON", yaml: "YAML" } as const;

/**
 * A text that could not be read, as one issue: malformed, nested beyond what the parser can
 * follow, or a parser failure. Never a stack trace.
 */
export function readFailure(error: unknown, format: keyof typeof NAMES): Located {
  if (error instanceof ConfigSyntaxError) {
    return { issue: { stage: "deserialize", path: "", message: `invalid ${NAMES[format]}: ${error.message}` }, at: error.at };
  }
  const reason =
    error instanceof RangeError
      ? "it is nested too deeply to read"
      : `the ${NAMES[format]} parser failed (${error instanceof Error ? error.message : String(error)})`;
  return { issue: { stage: "deserialize", path: "", message: `invalid ${NAMES[format]}: ${reason}` }, at: { line: 1, column: 1 } };
}
