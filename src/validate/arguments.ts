import { describeValue, quote } from "./serde-words";
import { isTable } from "../util/tables";
import type { ValidationIssue } from "./result";

/** A public function's argument that is not what its declaration says (a JavaScript caller may pass anything). */
export function argumentIssue(fn: string, message: string): ValidationIssue {
  return { stage: "deserialize", path: "", message: `${fn}: ${message}` };
}

/**
 * An argument in JavaScript's words (a config value is described in serde's); a revoked proxy
 * throws even when asked whether it is an array.
 */
export function describeArgument(value: unknown): string {
  try {
    if (value === null || value === undefined) return String(value);
    if (Array.isArray(value)) return "an array";
    switch (typeof value) {
      case "string":
        return `string ${quote(value)}`;
      case "number":
      case "boolean":
      case "bigint":
        return `${typeof value} ${String(value)}`;
      case "object":
        return isTable(value) ? "an object" : describeValue(value);
      default:
        return `a ${typeof value}`;
    }
  } catch {
    return "an object that cannot be read";
  }
}

/**
 * The boolean `flags` of an options argument, each read once, or the issue that says why
 * the argument is not one. `undefined` and `null` are no options.
 */
export function readOptions<Flag extends string>(
  fn: string,
  options: unknown,
  flags: readonly Flag[],
): { ok: true; flags: Partial<Record<Flag, boolean>> } | { ok: false; issue: ValidationIssue } {
  const read: Partial<Record<Flag, boolean>> = {};
  if (options === undefined || options === null) return { ok: true, flags: read };
  try {
    if (typeof options !== "object" || Array.isArray(options)) {
      return { ok: false, issue: argumentIssue(fn, `options must be an object like { ${flags[0]}: true }, found ${describeArgument(options)}`) };
    }
    for (const flag of flags) {
      const value = (options as Record<string, unknown>)[flag];
      if (value === undefined) continue;
      if (typeof value !== "boolean") {
        return { ok: false, issue: argumentIssue(fn, `options.${flag} must be true or false, found ${describeArgument(value)}`) };
      }
      read[flag] = value;
    }
  } catch {
    return { ok: false, issue: argumentIssue(fn, "options could not be read") };
  }
  return { ok: true, flags: read };
}
