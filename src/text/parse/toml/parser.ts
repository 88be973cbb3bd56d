import { ParseError, type AST } from "toml-eslint-parser";
import { TOMLParser } from "toml-eslint-parser/lib/toml-parser";
import type { Position } from "../position";
import { ConfigSyntaxError } from "../syntax-error";
import { MAX_KEY_SEGMENTS, MAX_VALUE_NESTING } from "./limits";

/** The trainer's toml 0.9.11 reads TOML 1.1. */
const OPTIONS = { tomlVersion: "1.1.0" } as const;

type Opener = (token: AST.Token, context: { valueContainerStack: { parent: AST.TOMLNode }[] }) => unknown;
type KeyPart = (token: AST.Token, key: AST.TOMLKey) => unknown;

/**
 * toml-eslint-parser, stopped where toml 0.9 stops: at the array or inline table that would
 * nest a value more than `MAX_VALUE_NESTING` levels deep (without the bound, the parser's
 * recursion on closing a deep value would overflow the stack before anything could be said),
 * and at the part that makes a key longer than `MAX_KEY_SEGMENTS` (toml 0.9 refuses such a key
 * once the text is read; stopping at once keeps a hostile key from costing more).
 */
class BoundedParser extends TOMLParser {}

// The parser's own methods, called on from the bounded ones.
const base = TOMLParser.prototype as unknown as Record<string, (this: unknown, ...args: unknown[]) => unknown>;
const bounded = BoundedParser.prototype as unknown as Record<string, Opener | KeyPart>;
for (const name of ["processArray", "processInlineTable"]) {
  bounded[name] = function (this: unknown, token: AST.Token, context: Parameters<Opener>[1]) {
    const container = context.valueContainerStack[context.valueContainerStack.length - 1];
    if (container && nestingOf(container.parent) >= MAX_VALUE_NESTING) {
      throw new ConfigSyntaxError("cannot recurse further; max recursion depth met", positionOf(token));
    }
    return base[name].call(this, token, context);
  } as Opener;
}
for (const name of ["processBareKey", "processStringKey"]) {
  bounded[name] = function (this: unknown, token: AST.Token, key: AST.TOMLKey) {
    if (key.keys.length >= MAX_KEY_SEGMENTS) throw new ConfigSyntaxError("recursion limit", positionOf(key));
    return base[name].call(this, token, key);
  } as KeyPart;
}

/** Where the parser's token and comment lists go: nothing reads them, and a large file's tokens would double the memory its parse takes. */
const DISCARDED = { push: () => 0 };
bounded.TABLE = function (this: unknown, token: AST.Token, context: { tokens: unknown; comments: unknown }) {
  context.tokens = DISCARDED;
  context.comments = DISCARDED;
  return base.TABLE.call(this, token, context);
} as unknown as Opener;

/** Where a token or node starts, 1-based. */
export function positionOf(node: AST.Token | AST.TOMLNode): Position {
  return { line: node.loc.start.line, column: node.loc.start.column + 1 };
}

/** How many arrays and inline tables enclose a node, counted up to its table (at most one past the bound). */
function nestingOf(node: AST.TOMLNode | null): number {
  let depth = 0;
  for (let at = node; at && depth <= MAX_VALUE_NESTING; at = at.parent as AST.TOMLNode | null) {
    if (at.type === "TOMLArray" || at.type === "TOMLInlineTable") depth++;
    else if (at.type === "TOMLTable" || at.type === "TOMLTopLevelTable") break;
  }
  return depth;
}

/**
 * A TOML 1.1 text as toml-eslint-parser's syntax tree, every key rule of the spec applied
 * (a key set twice, a table defined twice, an inline table extended), as toml 0.9 applies them.
 * Throws `ConfigSyntaxError` at the place it breaks.
 */
export function parseTomlProgram(text: string): AST.TOMLProgram {
  const bareCr = bareCarriageReturn(text);
  let program: AST.TOMLProgram;
  try {
    // toml 0.9 skips a leading byte-order mark; a space in its place keeps every column.
    program = new BoundedParser(text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text, OPTIONS).parse();
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    if (bareCr !== undefined && bareCr.offset < error.index) throw bareCr.error;
    const words = error.message;
    throw new ConfigSyntaxError(words.charAt(0).toLowerCase() + words.slice(1), {
      line: error.lineNumber,
      column: error.column + 1,
    });
  }
  if (bareCr !== undefined) throw bareCr.error;
  return program;
}

/**
 * A carriage return not followed by a line feed, which TOML allows nowhere (toml-eslint-parser
 * reads it as a line break).
 */
function bareCarriageReturn(text: string): { offset: number; error: ConfigSyntaxError } | undefined {
  const offset = text.search(/\r(?!\n)/);
  if (offset < 0) return undefined;
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  // Where toml 0.9 points: the place the line feed was expected.
  const column = offset - before.lastIndexOf("\n") + 1;
  return { offset, error: new ConfigSyntaxError("carriage return must be followed by newline", { line, column }) };
}
