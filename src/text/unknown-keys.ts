import { closest, distance } from "fastest-levenshtein";
import { fieldName } from "../validate/serde-words";
import { isTable } from "../util/tables";
import { childPointer } from "../util/pointer";
import { documentShape } from "../validate/generated";
import { fieldOf, innerShape, type Shape } from "../validate/shape";

interface UnknownKey {
  path: string;
  message: string;
}

/**
 * Keys inside `model.quant`, `model.rho` and `saved_activations` that no field is named
 * after; and, in the open tables around them (the document, `model`), keys that look like a
 * mistyped `model`, `quant` or `rho`, which would leave a whole section unread.
 */
export function unknownKeys(value: unknown): UnknownKey[] {
  const found: UnknownKey[] = [];
  visit(value, "", documentShape, false, found);
  return found;
}

/** `closed`: the table is a Rust struct, whose every unknown key is reported; the open tables around the structs report likely typos only. */
function visit(value: unknown, pointer: string, struct: Shape, closed: boolean, found: UnknownKey[]): void {
  if (!isTable(value)) return;
  for (const key of Object.keys(value)) {
    const at = childPointer(pointer, key);
    const field = fieldOf(struct, key);
    const inner = innerShape(field);
    if (inner) visit(value[key], at, inner, field !== undefined && "struct" in field, found);
    else if (!field && closed) found.push({ path: at, message: unknownMessage(key, pointer, struct) });
    else if (!field) {
      const meant = Object.keys(struct).find((name) => mistyped(key, name));
      if (meant) found.push({ path: at, message: `${fieldName(pointer)}: unknown field \`${key}\`, did you mean \`${meant}\`?` });
    }
  }
}

/**
 * Whether `key` is `name` written with another case, one letter added, dropped or changed,
 * or two neighbouring letters swapped: close enough to be a typo even among the many other
 * keys an open table holds.
 */
function mistyped(key: string, name: string): boolean {
  const a = key.toLowerCase();
  const b = name.toLowerCase();
  return distance(a, b) <= 1 || swapsNeighbours(a, b);
}

function swapsNeighbours(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const at = [...a].findIndex((c, i) => c !== b[i]);
  return at >= 0 && a[at] === b[at + 1] && a[at + 1] === b[at] && a.slice(at + 2) === b.slice(at + 2);
}

function unknownMessage(key: string, table: string, struct: Shape): string {
  const fields = Object.keys(struct);
  const guess = closest(key, fields);
  const near = distance(key.toLowerCase(), guess.toLowerCase()) <= Math.max(2, Math.floor(guess.length / 3));
  const hint = near ? `did you mean \`${guess}\`?` : `the fields are ${fields.map((f) => `\`${f}\``).join(", ")}`;
  return `${fieldName(table)}: unknown field \`${key}\`, ${hint}`;
}
