/**
 * The tokens of a TOML text as the trainer's toml 0.9 cuts them before it reads any structure:
 * punctuation, runs of spaces and tabs, comments, line ends, the four kinds of string (a
 * one-line string ends at its closing quote or before the end of its line), and "atoms": every
 * other run of characters up to the next punctuation, space or line end. A bare key, a number,
 * a boolean or a mistyped word are all atoms; what an atom is only shows when it is decoded.
 * Offsets are UTF-16 indices into the text.
 */
export type TokenKind =
  | "."
  | "="
  | ","
  | "["
  | "]"
  | "{"
  | "}"
  | "whitespace"
  | "comment"
  | "newline"
  | StringKind
  | "atom"
  | "eof";

export type StringKind = "literal" | "basic" | "ml-literal" | "ml-basic";

export interface Token {
  kind: TokenKind;
  start: number;
  end: number;
}

const PUNCTUATION = new Set([".", "=", ",", "[", "]", "{", "}"]);
/** The characters that end an atom; quotes do not, so a value missing its opening quote stays one atom. */
const ATOM_END = /[.=,[\]{} \t#\r\n]/g;

export function isString(kind: TokenKind): kind is StringKind {
  return kind === "literal" || kind === "basic" || kind === "ml-literal" || kind === "ml-basic";
}

/** Every token of `text`, ending with one `eof`; a leading byte-order mark is skipped. */
export function lex(text: string): Token[] {
  const tokens: Token[] = [];
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (at < text.length) {
    const token = tokenAt(text, at);
    tokens.push(token);
    at = token.end;
  }
  tokens.push({ kind: "eof", start: text.length, end: text.length });
  return tokens;
}

function tokenAt(text: string, start: number): Token {
  const c = text[start];
  const token = (kind: TokenKind, end: number): Token => ({ kind, start, end });
  if (PUNCTUATION.has(c)) return token(c as TokenKind, start + 1);
  switch (c) {
    case " ":
    case "\t": {
      let end = start;
      while (text[end] === " " || text[end] === "\t") end++;
      return token("whitespace", end);
    }
    case "#":
      return token("comment", endOf(text, /[\r\n]/g, start));
    case "\r":
      return token("newline", text[start + 1] === "\n" ? start + 2 : start + 1);
    case "\n":
      return token("newline", start + 1);
    case "'":
      if (text.startsWith("'''", start)) return token("ml-literal", closingQuotes(text, text.indexOf("'''", start + 3), "'"));
      return token("literal", literalEnd(text, start + 1));
    case '"':
      if (text.startsWith('"""', start)) return token("ml-basic", closingQuotes(text, mlBasicEnd(text, start + 3), '"'));
      return token("basic", basicEnd(text, start + 1));
    default:
      return token("atom", endOf(text, ATOM_END, start));
  }
}

/** Where the first match of `pattern` at or after `from` starts, or the text's end. */
function endOf(text: string, pattern: RegExp, from: number): number {
  pattern.lastIndex = from;
  const match = pattern.exec(text);
  return match ? match.index : text.length;
}

/** After a one-line literal string: its closing quote, or the end of its line. */
function literalEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === "'") return i + 1;
    if (text[i] === "\n") return i;
  }
  return text.length;
}

/** After a one-line basic string: its closing quote (an escaped quote or backslash does not close it), or the end of its line. */
function basicEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '"') return i + 1;
    if (c === "\n") return i;
    if (c === "\\" && (text[i + 1] === "\\" || text[i + 1] === '"')) i++;
  }
  return text.length;
}

/** Where a multi-line basic string's closing `"""` starts (escapes skipped), or -1. */
function mlBasicEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text.startsWith('"""', i)) return i;
    if (text[i] === "\\" && (text[i + 1] === "\\" || text[i + 1] === '"')) i++;
  }
  return -1;
}

/** After a multi-line string closed at `close`: the delimiter and up to two more quotes, which belong to the string. */
function closingQuotes(text: string, close: number, quote: string): number {
  if (close < 0) return text.length;
  let end = close + 3;
  for (let extra = 0; extra < 2 && text[end] === quote; extra++) end++;
  return end;
}
