import type { StringKind } from "./lexer";
import { MAX_KEY_SEGMENTS } from "./limits";
import type { KeyPart, Piece } from "./structure";
import type { TomlSyntaxKind } from "./syntax-kinds";
import { codePoint, Fault, LONE_CR, place, positionAt, quoted, TOO_LONG } from "./words";

/**
 * The first fault in decoding one piece of a TOML text, as toml 0.9 decodes it once the
 * structure is read: each key part, each value (strings with their escapes, numbers, booleans,
 * datetimes), and the places a value or an `=` is missing.
 */
export function decodePiece(text: string, piece: Piece): Fault | undefined {
  switch (piece.type) {
    case "key":
      return decodeKey(text, piece.parts);
    case "value":
      return piece.kind === "atom" ? bareValue(text.slice(piece.start, piece.end), piece.start) : decodeString(text, piece.kind, piece.start, piece.end);
    case "no-value":
    case "no-equals": {
      const key = `key ${quoted(piece.key)}${piece.within ? ` in the ${piece.within}` : ""}`;
      if (piece.type === "no-equals") return new Fault("missing-equals", piece.at, `${key} with no value, expected \`=\` after it`);
      return new Fault("missing-value", piece.at, `${key} with no value after \`=\`, expected a value`);
    }
  }
}

const KEY_EXPECTED = "expected letters, numbers, `-`, `_`";

function decodeKey(text: string, parts: readonly KeyPart[]): Fault | undefined {
  const written = text.slice(parts[0].start, parts[parts.length - 1].end);
  for (const part of parts) {
    const fault = decodeKeyPart(text, part, written);
    if (fault) return fault;
  }
  if (parts.length > MAX_KEY_SEGMENTS) {
    return new Fault("nesting", parts[0].start, TOO_LONG);
  }
  return undefined;
}

function decodeKeyPart(text: string, part: KeyPart, written: string): Fault | undefined {
  switch (part.kind) {
    case "empty":
      return new Fault(
        "empty-key",
        part.start,
        written.trim() === "" ? `missing key, ${KEY_EXPECTED} or a quoted key (unquoted keys cannot be empty)` : `empty part in key ${quoted(written)}, ${KEY_EXPECTED} or a quoted key (unquoted keys cannot be empty)`,
      );
    case "atom": {
      const bad = /[^A-Za-z0-9_-]/u.exec(text.slice(part.start, part.end));
      if (!bad) return undefined;
      const raw = text.slice(part.start, part.end);
      return new Fault("invalid-key", part.start + bad.index, `invalid unquoted key ${quoted(raw)}: ${describeChar(bad[0])} is not allowed, ${KEY_EXPECTED} (or quote the key)`);
    }
    case "ml-basic":
    case "ml-literal":
      return new Fault("invalid-key", part.start, `keys cannot be multi-line strings, expected a basic string or a literal string: ${quoted(text.slice(part.start, part.end))}`);
    default:
      return decodeString(text, part.kind, part.start, part.end);
  }
}

function describeChar(c: string): string {
  return /[\u0000-\u001f\u007f\s]/u.test(c) || c.codePointAt(0)! > 0x7e ? codePoint(c) : quoted(c);
}

const STRING_NAMES: Record<StringKind, string> = {
  basic: "basic string",
  literal: "literal string",
  "ml-basic": "multi-line basic string",
  "ml-literal": "multi-line literal string",
};
const DELIMITERS: Record<StringKind, string> = { basic: '"', literal: "'", "ml-basic": '"""', "ml-literal": "'''" };

/** The first fault of a string token from `start` to `end`: its closing quotes, then its characters in order. */
function decodeString(text: string, kind: StringKind, start: number, end: number): Fault | undefined {
  const delimiter = DELIMITERS[kind];
  const name = STRING_NAMES[kind];
  let from = start + delimiter.length;
  if (kind.startsWith("ml-")) {
    if (text[from] === "\n") from++;
    else if (text.startsWith("\r\n", from)) from += 2;
  }
  const closed = end - from >= delimiter.length && text.startsWith(delimiter, end - delimiter.length);
  if (!closed) {
    const opened = place(positionAt(text, start));
    return new Fault("unterminated-string", end, `unterminated ${name} opened at ${opened}, expected \`${delimiter}\``);
  }
  const to = end - delimiter.length;
  const basic = kind === "basic" || kind === "ml-basic";
  const multiline = kind.startsWith("ml-");
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (basic && c === 0x5c) {
      const escape = multiline && /[ \t\r\n]/.test(text[i + 1] ?? "") ? lineEndingBackslash(text, i, to) : escapeSequence(text, i, to, name);
      if (escape instanceof Fault) return escape;
      i = escape - 1;
    } else if (c === 0x0d && multiline) {
      if (text[i + 1] !== "\n") return loneCarriageReturn(i + 1);
    } else if ((c < 0x20 && c !== 0x09 && !(c === 0x0a && multiline)) || c === 0x7f) {
      const as = basic ? ` (write it as \`\\u${c.toString(16).padStart(4, "0")}\`)` : "";
      return new Fault("control-character", i, `control character ${codePoint(text[i])} in a ${name}, expected visible characters${as}`);
    }
  }
  return undefined;
}

function loneCarriageReturn(at: number): Fault {
  return new Fault("lone-carriage-return", at, LONE_CR);
}

const ESCAPES = "befnrt\\\"";
const HEX_DIGITS: Record<string, number> = { x: 2, u: 4, U: 8 };
const ESCAPES_EXPECTED = "expected `b`, `e`, `f`, `n`, `r`, `t`, `\\`, `\"`, `x`, `u` or `U`";

/** The escape at `at` (its backslash) in a basic string; returns where it ends, or its fault. */
function escapeSequence(text: string, at: number, to: number, name: string): number | Fault {
  if (at + 1 >= to) return new Fault("invalid-escape", at + 1, `incomplete escape \`\\\` at the end of a ${name}, ${ESCAPES_EXPECTED}`);
  const id = String.fromCodePoint(text.codePointAt(at + 1)!);
  if (ESCAPES.includes(id)) return at + 2;
  const count = HEX_DIGITS[id];
  if (count === undefined) return new Fault("invalid-escape", at + 1, `invalid escape \`\\${id}\` in a ${name}, ${ESCAPES_EXPECTED}`);
  const digits = /^[0-9A-Fa-f]*/.exec(text.slice(at + 2, Math.min(at + 2 + count, to)))![0];
  const written = `\\${id}${digits}`;
  if (digits.length < count) {
    return new Fault("invalid-escape", at + 2 + digits.length, `invalid escape \`${written}\` in a ${name}: too few digits, expected ${count} hexadecimal digits (a unicode value)`);
  }
  const value = parseInt(digits, 16);
  if ((value >= 0xd800 && value <= 0xdfff) || value > 0x10ffff) {
    return new Fault("invalid-escape", at + 2, `invalid escape \`${written}\` in a ${name}: not a Unicode scalar value, expected a unicode hexadecimal value below D800 or from E000 to 10FFFF`);
  }
  return at + 2 + count;
}

/** A backslash that ends its line in a multi-line basic string, with the spaces and line ends it swallows. */
function lineEndingBackslash(text: string, at: number, to: number): number | Fault {
  let i = at + 1;
  while (i < to && (text[i] === " " || text[i] === "\t")) i++;
  if (text.startsWith("\r\n", i)) i += 2;
  else if (text[i] === "\n") i++;
  else if (text[i] === "\r") return loneCarriageReturn(i + 1);
  else return new Fault("invalid-escape", i, "invalid escape `\\` followed by spaces in a multi-line basic string: a line-ending backslash must be followed by a newline");
  while (i < to && /[ \t\r\n]/.test(text[i])) {
    if (text[i] === "\r" && text[i + 1] !== "\n") return loneCarriageReturn(i + 1);
    i++;
  }
  return i;
}

const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";

/** An unquoted value: a number, a boolean, a datetime, `inf` or `nan`, as toml 0.9 tells them apart by their first character. */
function bareValue(raw: string, base: number): Fault | undefined {
  const first = raw[0];
  if (!isDigit(first) && raw.includes(" ")) return notAValue(raw, base);
  switch (first) {
    case "+":
    case "-":
      return signed(raw, base);
    case "0":
      return zeroPrefixed(raw, 0, base);
    case "_":
      return numberOrDatetime(raw, 0, base);
    case ".":
      return float(raw, 0, base) ?? underscores(raw, 0, base, "invalid-float");
  }
  if (isDigit(first)) return numberOrDatetime(raw, 0, base);
  const symbol = { t: "true", f: "false", i: "inf", n: "nan" }[first.toLowerCase()];
  if (symbol === undefined) return notAValue(raw, base);
  if (raw === symbol) return undefined;
  const kind = symbol === "true" || symbol === "false" ? "invalid-boolean" : "invalid-float";
  const what = kind === "invalid-boolean" ? "boolean" : "float";
  const hint = raw.toLowerCase() === symbol ? "" : " (a string value must be quoted)";
  return new Fault(kind, base, `invalid ${what} ${quoted(raw)}, expected \`${symbol}\`${hint}`);
}

function signed(raw: string, base: number): Fault | undefined {
  const second = raw[1];
  if (second === undefined) return notAValue(raw, base);
  if (second === "+" || second === "-") return new Fault("invalid-number", base + 1, `invalid number ${quoted(raw)}: redundant numeric sign`);
  if (second === "0") return zeroPrefixed(raw, 1, base);
  if (second === "_" || isDigit(second)) return numberOrDatetime(raw, 1, base);
  if (second === ".") return float(raw, 0, base) ?? underscores(raw, 0, base, "invalid-float");
  const symbol = { i: "inf", n: "nan" }[second.toLowerCase()];
  if (symbol === undefined) return notAValue(raw, base);
  if (raw.slice(1) === symbol) return undefined;
  return new Fault("invalid-float", base + 1, `invalid float ${quoted(raw)}, expected \`${raw[0]}${symbol}\``);
}

/** A value starting `0` at `at` (after a sign, if any): a radix prefix, or a decimal number or a datetime. */
function zeroPrefixed(raw: string, at: number, base: number): Fault | undefined {
  if (raw.length === at + 1) return undefined;
  const prefix = raw[at + 1];
  const radix = { x: ["hexadecimal", /[0-9A-Fa-f]/], o: ["octal", /[0-7]/], b: ["binary", /[01]/] }[prefix.toLowerCase()] as [string, RegExp] | undefined;
  if (radix === undefined && prefix.toLowerCase() !== "d") return numberOrDatetime(raw, at, base);
  if (raw.includes(" ")) return notAValue(raw, base);
  const number = (why: string, offset: number, late = false) => new Fault("invalid-number", base + offset, `invalid number ${quoted(raw)}: ${why}`, late);
  if (at > 0) return number("integers with a radix cannot be signed", 0);
  if (radix === undefined) return number("redundant prefix `0d`, expected a decimal integer without a prefix", 0);
  if (prefix !== prefix.toLowerCase()) return number(`radix must be lowercase, expected \`0${prefix.toLowerCase()}\``, at);
  const [name, digit] = radix;
  const digits = raw.slice(at + 2);
  // toml 0.9 finds no digits only when it converts the number, and names the whole literal.
  if (digits === "") return number(`no digits after \`0${prefix}\`, expected ${name} digits`, 0, true);
  if (digits[0] === "+" || digits[0] === "-") return number(`unexpected sign after \`0${prefix}\``, at + 2);
  for (let i = 0; i < digits.length; i++) {
    if (digits[i] !== "_" && !digit.test(digits[i])) return number(`${describeChar(digits[i])} is not a ${name} digit`, at + 2 + i);
  }
  return underscores(raw, at + 2, base, "invalid-number");
}

function numberOrDatetime(raw: string, at: number, base: number): Fault | undefined {
  const value = raw.slice(at);
  const digitEnd = /^[0-9]*/.exec(value)![0].length;
  const rest = value.slice(digitEnd);
  const leadingZero = () => (value[0] === "0" ? new Fault("invalid-number", base + at, `invalid number ${quoted(raw)}: unexpected leading zero`) : undefined);
  if (rest === "") return leadingZero();
  if (rest[0] === "-" || rest[0] === ":") return datetime(raw, base);
  if (rest.includes(" ")) return notAValue(raw, base);
  if (/[.eE]/.test(rest)) return float(raw, at, base) ?? underscores(raw, 0, base, "invalid-float");
  if (rest[0] !== "_") return notAValue(raw, base);
  return leadingZero() ?? underscores(raw, 0, base, "invalid-number") ?? decimalDigits(raw, at, base);
}

/**
 * After the underscores are checked, a decimal integer's other characters must be digits.
 * toml 0.9 finds such a character only when it converts the number, and then names the whole
 * literal (as an overflow): the fault stands at the literal's start, and comes late.
 */
function decimalDigits(raw: string, at: number, base: number): Fault | undefined {
  const bad = /[^0-9_]/u.exec(raw.slice(at));
  return bad ? new Fault("invalid-number", base, `invalid number ${quoted(raw)}: ${describeChar(bad[0])} is not a decimal digit`, true) : undefined;
}

/** A float from `at` on: mantissa, then an optional fraction and exponent, then nothing. */
function float(raw: string, at: number, base: number): Fault | undefined {
  const fault = (why: string, offset: number) => new Fault("invalid-float", base + offset, `invalid float ${quoted(raw)}: ${why}`);
  let i = at;
  const digits = (): { count: number; start: number } => {
    const start = i;
    let count = 0;
    for (; isDigit(raw[i]) || raw[i] === "_"; i++) if (raw[i] !== "_") count++;
    return { count, start };
  };
  const mantissa = digits();
  if (mantissa.count === 0) return fault("invalid mantissa, expected digits before the fraction or exponent", mantissa.start);
  if (mantissa.count > 1 && raw[mantissa.start] === "0") return fault("unexpected leading zero", mantissa.start);
  if (raw[i] === ".") {
    i++;
    if (digits().count === 0) return fault("invalid fraction, expected digits after the decimal point", i);
  }
  if (raw[i] === "e" || raw[i] === "E") {
    i++;
    if (raw[i] === "+" || raw[i] === "-") i++;
    if (digits().count === 0) return fault("invalid exponent, expected digits", i);
  }
  if (i < raw.length) return fault(`unexpected ${quoted(raw.slice(i))} after the number`, i);
  return undefined;
}

/** Every `_` from `from` on stands between two digits (hexadecimal ones for an integer). */
function underscores(raw: string, from: number, base: number, kind: "invalid-number" | "invalid-float"): Fault | undefined {
  const digit = kind === "invalid-float" ? /[0-9]/ : /[0-9A-Fa-f]/;
  for (let i = raw.indexOf("_", from); i >= 0; i = raw.indexOf("_", i + 1)) {
    if (i === from || !digit.test(raw[i - 1]) || !digit.test(raw[i + 1] ?? "")) {
      return new Fault(kind, base + i, `invalid ${kind === "invalid-float" ? "float" : "number"} ${quoted(raw)}: \`_\` may only go between digits`);
    }
  }
  return undefined;
}

/** A value that is no TOML value at all: most often a string without its quotes. */
function notAValue(raw: string, base: number): Fault {
  const number = isDigit(raw[0]) || /^[+\-_.]/.test(raw);
  const quote = ["'''", '"""', "'", '"'].find((q) => raw.endsWith(q));
  if (quote !== undefined) {
    // A quote inside the value opens the string: what stands before it is the mistake.
    const opening = raw.indexOf(quote[0]);
    if (opening < raw.length - quote.length) {
      const what = number ? "invalid number" : "unquoted string";
      return new Fault(number ? "invalid-number" : "unquoted-string", base, `${what} ${quoted(raw)}: unexpected ${quoted(raw.slice(0, opening))} before the string`);
    }
    if (!number) return new Fault("unquoted-string", base, `string ${quoted(raw)} is missing its opening quote, expected \`${quote}\``);
  }
  // Words and numbers with spaces between them are read as one value.
  const why = /[ \t]/.test(raw) ? "string values must be quoted, and array elements need `,` between them" : "string values must be quoted";
  const expected = `expected a literal string ('…') or a basic string ("…")`;
  if (number) return new Fault("invalid-number", base, `invalid number ${quoted(raw)}: ${why}`);
  return new Fault("unquoted-string", base, `unquoted string ${quoted(raw)}: ${why}, ${expected}`);
}

/** A datetime as toml 0.9's toml_datetime reads it: the first rule it breaks, in its order. */
function datetime(raw: string, base: number): Fault | undefined {
  const wrong = datetimeFault(raw);
  if (wrong === undefined) return undefined;
  const [what, expected] = wrong;
  const kind: TomlSyntaxKind = what === "time" || what === "offset" ? "invalid-time" : "invalid-date";
  return new Fault(kind, base, `invalid ${what} ${quoted(raw)}${expected ? `, expected ${expected}` : ""}`);
}

type Part = { kind: "digits" | "-" | ":" | "T" | " " | "Z" | "+" | "." | "other"; raw: string };

function datetimeParts(raw: string): Part[] {
  const parts: Part[] = [];
  for (let i = 0; i < raw.length; ) {
    const c = raw[i];
    if (isDigit(c)) {
      const digits = /^[0-9]+/.exec(raw.slice(i))![0];
      parts.push({ kind: "digits", raw: digits });
      i += digits.length;
      continue;
    }
    const kind = ({ "-": "-", ":": ":", T: "T", t: "T", " ": " ", Z: "Z", z: "Z", "+": "+", ".": "." } as const)[c as "-"];
    if (kind === undefined) {
      parts.push({ kind: "other", raw: raw.slice(i) });
      break;
    }
    parts.push({ kind, raw: c });
    i++;
  }
  return parts;
}

/** `[what, expected]` of the first broken rule, or undefined. */
function datetimeFault(raw: string): [string, string | undefined] | undefined {
  let parts = datetimeParts(raw);
  let i = 0;
  const next = () => parts[i++];
  const take = (kind: Part["kind"], what: string, expected: string): Part | [string, string] => {
    const part = next();
    return part?.kind === kind ? part : [what, expected];
  };
  const first = next();
  if (first?.kind !== "digits") return ["datetime", "year or hour"];
  const sep = next();
  let hasDate = false;
  if (sep?.kind === "-") {
    const month = take("digits", "date", "month");
    if (Array.isArray(month)) return month;
    const dash = take("-", "date", "`-` (MM-DD)");
    if (Array.isArray(dash)) return dash;
    const day = take("digits", "date", "day");
    if (Array.isArray(day)) return day;
    if (first.raw.length !== 4) return ["date", "a four-digit year (YYYY)"];
    if (month.raw.length !== 2) return ["date", "a two-digit month (MM)"];
    if (day.raw.length !== 2) return ["date", "a two-digit day (DD)"];
    const [y, m, d] = [Number(first.raw), Number(month.raw), Number(day.raw)];
    if (m < 1 || m > 12) return ["date", "month between 01 and 12"];
    const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
    const days = m === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
    if (d < 1 || d > days) return ["date", `day between 01 and ${days}`];
    hasDate = true;
  } else if (sep?.kind === ":") {
    parts = datetimeParts(raw);
    i = 0;
  } else {
    return ["datetime", "`-` (YYYY-MM) or `:` (HH:MM)"];
  }
  let hasTime = !hasDate;
  if (hasDate && i < parts.length) {
    const delimiter = next();
    if (delimiter.kind !== "T" && delimiter.kind !== " ") return ["date-time", "`T` between date and time"];
    hasTime = true;
  }
  if (hasTime) {
    const hour = take("digits", "time", "hour");
    if (Array.isArray(hour)) return hour;
    const colon = take(":", "time", "`:` (HH:MM)");
    if (Array.isArray(colon)) return colon;
    const minute = take("digits", "time", "minute");
    if (Array.isArray(minute)) return minute;
    let second: Part | undefined;
    if (parts[i]?.kind === ":") {
      i++;
      const s = take("digits", "time", "second");
      if (Array.isArray(s)) return s;
      second = s;
      if (parts[i]?.kind === ".") {
        i++;
        const fraction = take("digits", "time", "nanosecond");
        if (Array.isArray(fraction)) return fraction;
      }
    }
    if (hour.raw.length !== 2) return ["time", "a two-digit hour (HH)"];
    if (minute.raw.length !== 2) return ["time", "a two-digit minute (MM)"];
    if (second && second.raw.length !== 2) return ["time", "a two-digit second (SS)"];
    if (Number(hour.raw) > 23) return ["time", "hour between 00 and 23"];
    if (Number(minute.raw) > 59) return ["time", "minute between 00 and 59"];
    if (second && Number(second.raw) > 60) return ["time", "second between 00 and 60"];
  }
  if (hasDate && hasTime && i < parts.length) {
    const offset = next();
    if (offset.kind === "+" || offset.kind === "-") {
      const hours = take("digits", "offset", "hour");
      if (Array.isArray(hours)) return hours;
      const colon = take(":", "offset", "`:` (HH:MM)");
      if (Array.isArray(colon)) return colon;
      const minutes = take("digits", "offset", "minute");
      if (Array.isArray(minutes)) return minutes;
      if (hours.raw.length !== 2) return ["offset", "a two-digit hour (HH)"];
      if (minutes.raw.length !== 2) return ["offset", "a two-digit minute (MM)"];
      if (Number(hours.raw) > 23) return ["offset", "hours between 00 and 23"];
      if (Number(minutes.raw) > 59) return ["offset", "minutes between 00 and 59"];
    } else if (offset.kind !== "Z") {
      return ["offset", "`Z`, +OFFSET, -OFFSET"];
    }
  }
  if (i < parts.length) return ["datetime", undefined];
  return undefined;
}
