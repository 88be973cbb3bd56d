import { pointerTokens } from "../util/pointer";
import { isTable } from "../util/tables";

const QUOTE_LIMIT = 60;

/** A JSON string literal, cut short so that a huge value keeps the message short. */
export function quote(text: string): string {
  const cut = text.length > QUOTE_LIMIT ? `${text.slice(0, QUOTE_LIMIT)}…` : text;
  return isVerbatimInJson(cut) ? `"${cut}"` : JSON.stringify(cut);
}

/**
 * Whether JSON writes `text` as it is between its quotes: no quote, backslash, control
 * character or surrogate (a lone one is escaped). Most values are; the test is several times
 * faster than `JSON.stringify`.
 */
function isVerbatimInJson(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x22 || code === 0x5c || (code >= 0xd800 && code <= 0xdfff)) return false;
  }
  return true;
}

/**
 * A value found where it does not belong, in serde's words (`integer \`1\``, `floating point
 * \`1.5\``, `sequence`, `map`, …); values no config file holds (a class instance, a function)
 * in plain ones. A whole number within 64 bits is an integer, as serde_json reads one
 * (`-0` excepted, which it reads as a float).
 */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return "sequence";
  switch (typeof value) {
    case "string":
      return `string ${quote(value)}`;
    case "boolean":
      return `boolean \`${value}\``;
    case "number":
      return isInteger(value) ? `integer \`${value}\`` : describeFloat(value);
    case "bigint":
      return `integer \`${value}\``;
    case "object":
      return isTable(value) ? "map" : classOf(value);
    default:
      return `a ${typeof value}`;
  }
}

function isInteger(value: number): boolean {
  return Number.isInteger(value) && value >= -(2 ** 63) && value < 2 ** 64 && !Object.is(value, -0);
}

/**
 * A float as serde 1.0.228 names it: Rust's `Display` for f64, all digits and no exponent,
 * and `.0` after a finite one whose digits have no point (`1.0` is `1.0`, `1e21` is
 * `1000000000000000000000.0`); `inf`, `-inf` and `NaN` as they are.
 */
export function describeFloat(value: number): string {
  const digits = rustFloat(value);
  return `floating point \`${Number.isFinite(value) && !digits.includes(".") ? `${digits}.0` : digits}\``;
}

/** Rust's `Display` for f64. */
function rustFloat(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "inf" : "-inf";
  if (Object.is(value, -0)) return "-0";
  // The shortest digits that read back as the same number, as Rust prints them; only the exponent is spelt out.
  const shortest = String(value);
  if (!shortest.includes("e")) return shortest;
  const [mantissa, exponent] = shortest.split("e");
  const sign = mantissa.startsWith("-") ? "-" : "";
  const [whole, fraction = ""] = mantissa.replace("-", "").split(".");
  const digits = whole + fraction;
  const point = whole.length + Number(exponent);
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${"0".repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

function classOf(value: object): string {
  const name = (Object.getPrototypeOf(value) as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === "string" && name !== "" ? `an object of class ${name.slice(0, QUOTE_LIMIT)}` : "an object that is not a plain table";
}

/**
 * A pointer into a config document as its author writes the field: `/model/quant/target_modules/1`
 * is `model.quant.target_modules[1]`.
 */
export function fieldName(pointer: string): string {
  const name = pointerTokens(pointer).reduce(
    (name, token, i) => (/^\d+$/.test(token) ? `${name}[${token}]` : i === 0 ? token : `${name}.${token}`),
    "",
  );
  return name === "" ? "the config" : name;
}
