import { fieldName } from "../validate/serde-words";
import { isTable } from "../util/tables";
import type { ConfigDocument } from "../text/config-document";
import { positionFor } from "../text/located";
import { childPointer } from "../util/pointer";

/**
 * A merged config as JSON (indented when `indent` is given, else on one line), keys in the
 * order the files set them. The values JSON cannot hold
 * are written as the trainer's oracle writes them: `"nan"`, `"inf"`, `"-inf"`; integers past
 * 2^53 with every digit.
 */
export function resolvedJson(value: unknown, indent?: string): string {
  const inner = indent === undefined ? undefined : `${indent}  `;
  const list = (items: string[], open: string, close: string) =>
    inner === undefined ? `${open}${items.join(", ")}${close}` : `${open}\n${items.map((item) => inner + item).join(",\n")}\n${indent}${close}`;
  if (Array.isArray(value)) {
    return value.length === 0 ? "[]" : list(value.map((item) => resolvedJson(item, inner)), "[", "]");
  }
  if (isTable(value)) {
    const keys = Object.keys(value);
    return keys.length === 0 ? "{}" : list(keys.map((key) => `${JSON.stringify(key)}: ${resolvedJson(value[key], inner)}`), "{", "}");
  }
  if (typeof value === "bigint") return String(value);
  if (typeof value === "number" && !Number.isFinite(value)) return Number.isNaN(value) ? '"nan"' : value > 0 ? '"inf"' : '"-inf"';
  return JSON.stringify(value);
}

/**
 * Where each value of a merged config was set: `FILE:LINE:COL: name = value`, one line per
 * value (a list of plain values counts as one), in the order of the merged config.
 */
export function originLines(document: ConfigDocument): string[] {
  const lines: string[] = [];
  const visit = (value: unknown, pointer: string) => {
    const nested = isTable(value) ? Object.keys(value) : Array.isArray(value) && value.some((item) => isTable(item) || Array.isArray(item)) ? value.map((_, i) => i) : [];
    if (pointer !== "" && nested.length === 0) {
      const at = positionFor(document.positions, pointer);
      lines.push(`${at.file ?? "-"}:${at.line}:${at.column}: ${fieldName(pointer)} = ${resolvedJson(value)}`);
    }
    for (const key of nested) visit((value as Record<string | number, unknown>)[key], childPointer(pointer, key));
  };
  visit(document.value, "");
  return lines;
}
