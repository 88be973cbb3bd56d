import { isTable } from "./tables";

const QUOTE_LIMIT = 60;

/** A JSON string literal, cut short so that a huge value keeps the message short. */
export function quote(text: string): string {
  const cut = text.length > QUOTE_LIMIT ? `${text.slice(0, QUOTE_LIMIT)}…` : text;
  return JSON.stringify(cut);
}

/** A value in plain words, the way a config author would name it. */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return "an array";
  switch (typeof value) {
    case "string":
      return `string ${quote(value)}`;
    case "boolean":
      return `boolean ${value}`;
    case "number":
      return Number.isInteger(value) ? `integer ${value}` : `number ${value}`;
    case "bigint":
      return `integer ${value}`;
    case "object":
      return isTable(value) ? "a table" : classOf(value);
    default:
      return `a ${typeof value}`;
  }
}

function classOf(value: object): string {
  const name = (Object.getPrototypeOf(value) as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === "string" && name !== "" ? `an object of class ${name.slice(0, QUOTE_LIMIT)}` : "an object that is not a plain table";
}

/**
 * A JSON Pointer as the config author writes the field: `/target_modules/1` under
 * `model.quant` is `model.quant.target_modules[1]`.
 */
export function fieldName(pointer: string, root: readonly string[]): string {
  const tokens = pointer === "" ? [] : pointer.slice(1).split("/").map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"));
  const name = [...root, ...tokens].reduce(
    (name, token, i) => (/^\d+$/.test(token) ? `${name}[${token}]` : i === 0 ? token : `${name}.${token}`),
    "",
  );
  return name === "" ? "the config" : name;
}
