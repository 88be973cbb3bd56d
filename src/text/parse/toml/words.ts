import type { Position } from "../position";
import type { TomlSyntaxKind } from "./syntax-kinds";

/**
 * A syntax error found at a character offset of the text, before it is placed on a line.
 * `late`: toml 0.9 meets it only when it converts the finished tables, after every other check.
 */
export class Fault {
  constructor(
    readonly kind: TomlSyntaxKind,
    readonly offset: number,
    readonly message: string,
    readonly late = false,
  ) {}
}

/** A piece of the text as a message shows it: in backticks, control characters escaped, cut short when long. */
export function quoted(raw: string): string {
  const chars = Array.from(raw);
  const short = chars.length > 40 ? `${chars.slice(0, 39).join("")}…` : raw;
  return `\`${short.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)}\``;
}

/** A key as TOML writes it: bare where it can be, quoted otherwise. */
export function keyText(name: string): string {
  return /^[A-Za-z0-9_-]+$/.test(name) ? name : JSON.stringify(name);
}

/** A table by its key path as TOML writes it, `model.quant`; the root ("") as the top-level table. */
export function tableName(name: string): string {
  return name === "" ? "the top-level table" : `table \`${name}\``;
}

export function place(at: Position): string {
  return `line ${at.line}, column ${at.column}`;
}

/** The 1-based line and column of a character offset; only a line feed ends a line, as in toml 0.9. */
export function positionAt(text: string, offset: number): Position {
  const at = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < at; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: at - lineStart + 1 };
}

/** A code point as messages name it, `U+0007`. */
export function codePoint(c: string): string {
  return `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}

/**
 * toml 0.9's own words past its bounds (`MAX_VALUE_NESTING` nested arrays and inline tables,
 * `MAX_KEY_SEGMENTS` key parts), which the position places.
 */
export const TOO_DEEP = "cannot recurse further; max recursion depth met";
export const TOO_LONG = "recursion limit";
export const LONE_CR = "carriage return must be followed by newline (a lone CR does not end a line in TOML)";
