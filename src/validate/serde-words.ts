import { pointerTokens } from "../util/pointer";
import { isTable } from "../util/tables";

const QUOTE_LIMIT = 60;

/** A value's text cut short, so that a huge value keeps the message short. */
function cut(text: string): string {
  return text.length > QUOTE_LIMIT ? `${text.slice(0, QUOTE_LIMIT)}…` : text;
}

/**
 * A string as Rust's `Debug` writes it, which serde's `invalid type: string "…"` quotes: in
 * double quotes, with `\0 \t \r \n \\ \"` escaped, and `\u{…}` for what Rust does not
 * print (controls, format characters, separators other than the space, unassigned and private
 * code points, lone surrogates) and for combining marks.
 */
export function quote(text: string): string {
  const shown = cut(text);
  return `"${PRINTED_AS_IS.test(shown) ? shown : shown.replace((escaped ??= new RegExp(`[${NON_PRINTABLE}]`, "gu")), escapeChar)}"`;
}

/** Text Rust prints as it is: printable ASCII but `"` and `\\`. Tested first, as most text is. */
const PRINTED_AS_IS = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;
const NON_PRINTABLE = String.raw`\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\p{Grapheme_Extend}"\\`;
/** Compiled on first use: a pattern of Unicode properties costs a short run a millisecond to compile. */
let escaped: RegExp | undefined;
const NAMED_ESCAPES: Record<string, string> = { "\0": "\\0", "\t": "\\t", "\r": "\\r", "\n": "\\n", '"': '\\"', "\\": "\\\\" };

function escapeChar(c: string): string {
  return NAMED_ESCAPES[c] ?? `\\u{${c.codePointAt(0)!.toString(16)}}`;
}

/** A variant as serde names it in ``unknown variant `…` ``: as it is, between backticks. */
export function variantText(text: string): string {
  return `\`${cut(text)}\``;
}

/** serde's list of what it expected: `` `a` ``, `` `a` or `b` ``, `` one of `a`, `b`, `c` ``. */
export function oneOf(names: readonly string[]): string {
  const shown = names.map((name) => `\`${name}\``);
  if (shown.length <= 1) return shown.join("");
  if (shown.length === 2) return `${shown[0]} or ${shown[1]}`;
  return `one of ${shown.join(", ")}`;
}

/**
 * A pointer into a config document as its author writes the field, made once per pointer (a
 * bounded number: list indices are many): the issues of one field are often many.
 */
export function fieldNameOf(pointer: string): string {
  let name = fieldNames.get(pointer);
  if (name === undefined) {
    name = fieldName(pointer);
    if (fieldNames.size < FIELD_NAMES_KEPT) fieldNames.set(pointer, name);
  }
  return name;
}

const fieldNames = new Map<string, string>();
const FIELD_NAMES_KEPT = 1024;

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

/** A surrogate without its pair: not Unicode. Only an escape (JSON's or YAML's `\u`) can write one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}

/**
 * serde_json's words for a string that holds a lone surrogate, judged from the string alone
 * (where the escapes that wrote it are not at hand): a trailing one first is a "lone leading
 * surrogate", a leading one ends its escape too early.
 */
export function loneSurrogateWords(text: string): string {
  const lone = LONE_SURROGATE.exec(text)?.[0] ?? "\udc00";
  return lone.charCodeAt(0) >= 0xdc00 ? "lone leading surrogate in hex escape" : "unexpected end of hex escape";
}
