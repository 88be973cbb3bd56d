import { closest, distance } from "fastest-levenshtein";
import { fieldName } from "../validate/serde-words";
import { isTable } from "../util/tables";
import { childPointer } from "../util/pointer";
import { documentShape } from "../validate/generated";
import { fieldOf, innerShape, type Shape } from "../validate/shape";
import { meantName } from "../validate/meant";

interface UnknownKey {
  path: string;
  message: string;
  /** The field the key is one edit (or a case) away from, where only one is (see `meantName`). */
  suggestion?: string;
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
    else if (!field && closed) found.push(unknownField(key, pointer, struct, at));
    else if (!field) {
      // Among the many keys an open table holds, only one a typo away from a section is one.
      const suggestion = meantName(key, Object.keys(struct));
      if (suggestion) found.push({ path: at, message: `${fieldName(pointer)}: unknown field \`${key}\`, did you mean \`${suggestion}\`?`, suggestion });
    }
  }
}

/** An unknown key of a struct, with the field it most likely means, or failing that the nearest one, or the list of them. */
function unknownField(key: string, table: string, struct: Shape, path: string): UnknownKey {
  const fields = Object.keys(struct);
  const suggestion = meantName(key, fields);
  const guess = suggestion ?? closest(key, fields);
  const near = suggestion !== undefined || distance(key.toLowerCase(), guess.toLowerCase()) <= Math.max(2, Math.floor(guess.length / 3));
  const hint = near ? `did you mean \`${guess}\`?` : `the fields are ${fields.map((f) => `\`${f}\``).join(", ")}`;
  return { path, message: `${fieldName(table)}: unknown field \`${key}\`, ${hint}`, ...(suggestion === undefined ? {} : { suggestion }) };
}
