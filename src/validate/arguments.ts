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
  for (const flag of flags) {
    const value = readFlag(fn, options, flag, flags[0]);
    if (typeof value === "object") return { ok: false, issue: value };
    if (value !== undefined) read[flag] = value;
  }
  return { ok: true, flags: read };
}

/**
 * One boolean flag of an options argument: its value, `undefined` where it is not given, or
 * the issue that says why the argument is not one (`example` names a flag for the message).
 * Nothing is made on the way: the validators read their flag on every call.
 */
export function readFlag(fn: string, options: unknown, flag: string, example = flag): boolean | undefined | ValidationIssue {
  if (options === undefined || options === null) return undefined;
  try {
    if (typeof options !== "object" || Array.isArray(options)) {
      return argumentIssue(fn, `options must be an object like { ${example}: true }, found ${describeArgument(options)}`);
    }
    const value = (options as Record<string, unknown>)[flag];
    if (value === undefined || typeof value === "boolean") return value;
    return argumentIssue(fn, `options.${flag} must be true or false, found ${describeArgument(value)}`);
  } catch {
    return argumentIssue(fn, "options could not be read");
  }
}
