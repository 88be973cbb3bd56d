import type { Random } from "../random-config";

const JUNK = ["true", '"none"', "null", "1", "{}", '"int8"'];

/** Escapes of lone surrogates: text serde_json decodes only where it reads a string (a struct's key, a field's value). */
const LONE_SURROGATES = ["\\ud800", "\\udfff", "a\\udbff", "\\udc00\\ud800"];

/**
 * A document as JSON text, compact or indented, with now and then a key written twice in
 * one object (the same value again, or another), a key that is a lone surrogate, or a string
 * that ends in one.
 */
export function renderJson(document: unknown, rng: Random): string {
  const indent = rng.chance(0.5) ? "  " : "";
  const newline = indent ? "\n" : "";

  function render(value: unknown, depth: number): string {
    const pad = indent.repeat(depth + 1);
    const end = newline + indent.repeat(depth);
    if (Array.isArray(value)) {
      if (value.length === 0) return "[]";
      return `[${newline}${value.map((item) => pad + render(item, depth + 1)).join(`,${newline}`)}${end}]`;
    }
    if (typeof value === "object" && value !== null) {
      const entries = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${indent ? " " : ""}${render(v, depth + 1)}`);
      if (entries.length > 0 && rng.chance(0.12)) {
        const copy = rng.pick(entries);
        const again = rng.chance(0.5) ? copy : copy.replace(/:.*$/s, `: ${rng.pick(JUNK)}`);
        entries.splice(Math.floor(rng.next() * (entries.length + 1)), 0, again);
      }
      if (rng.chance(0.03)) {
        const odd = `"${rng.pick(LONE_SURROGATES)}":${indent ? " " : ""}${rng.pick(JUNK)}`;
        entries.splice(Math.floor(rng.next() * (entries.length + 1)), 0, odd);
      }
      if (entries.length === 0) return "{}";
      return `{${newline}${entries.map((entry) => pad + entry).join(`,${newline}`)}${end}}`;
    }
    if (typeof value === "string" && rng.chance(0.05)) return `${JSON.stringify(value).slice(0, -1)}${rng.pick(LONE_SURROGATES)}"`;
    return JSON.stringify(value);
  }

  return render(document, 0);
}
