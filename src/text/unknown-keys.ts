import { closest, distance } from "fastest-levenshtein";
import { fieldName } from "../describe";
import { isTable } from "../tables";
import { shapes, type Shape } from "../validators";
import { childPointer } from "./pointer";
import { DOCUMENT_STRUCT, fieldOf, structOf } from "./structs";

/** The structs whose unknown keys `--strict` reports: the configs, not the open document around them. */
const CLOSED = new Set<Shape>([shapes.quant, shapes.rho]);

export interface UnknownKey {
  path: string;
  message: string;
}

/** Keys inside `model.quant`, `model.rho` and `saved_activations` that no field is named after. */
export function unknownKeys(value: unknown): UnknownKey[] {
  const found: UnknownKey[] = [];
  visit(value, "", DOCUMENT_STRUCT, false, found);
  return found;
}

function visit(value: unknown, pointer: string, struct: Shape, closed: boolean, found: UnknownKey[]): void {
  if (!isTable(value)) return;
  for (const key of Object.keys(value)) {
    const at = childPointer(pointer, key);
    const field = fieldOf(struct, key);
    const inner = structOf(field);
    if (inner) visit(value[key], at, inner, closed || CLOSED.has(inner), found);
    else if (!field && closed) found.push({ path: at, message: unknownMessage(key, pointer, struct) });
  }
}

function unknownMessage(key: string, table: string, struct: Shape): string {
  const fields = Object.keys(struct);
  const guess = closest(key, fields);
  const near = distance(key.toLowerCase(), guess.toLowerCase()) <= Math.max(2, Math.floor(guess.length / 3));
  const hint = near ? `did you mean \`${guess}\`?` : `the fields are ${fields.map((f) => `\`${f}\``).join(", ")}`;
  return `${fieldName(table, [])}: unknown field \`${key}\`, ${hint}`;
}
