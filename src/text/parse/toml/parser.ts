import type { AST } from "toml-eslint-parser";
import { TOMLParser } from "toml-eslint-parser/lib/toml-parser";
import type { Position } from "../position";
import { ConfigSyntaxError } from "../syntax-error";
import { MAX_KEY_SEGMENTS, MAX_VALUE_NESTING } from "./limits";
import { LONE_CR, positionAt, TOO_DEEP, TOO_LONG } from "./words";

/** The trainer's toml 0.9.12 reads TOML 1.1. */
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
      throw new ConfigSyntaxError(TOO_DEEP, positionOf(token), "nesting");
    }
    return base[name].call(this, token, context);
  } as Opener;
}
for (const name of ["processBareKey", "processStringKey"]) {
  bounded[name] = function (this: unknown, token: AST.Token, key: AST.TOMLKey) {
    if (key.keys.length >= MAX_KEY_SEGMENTS) throw new ConfigSyntaxError(TOO_LONG, positionOf(key), "nesting");
    return base[name].call(this, token, key);
  } as KeyPart;
}

/** Where the parser's token and comment lists go: nothing reads them, and a large file's tokens would double the memory its parse takes. */
const DISCARDED = { push: () => 0 };
/** The parser's key rules give way to the tree builder's, which know where each key was first set. */
const NO_KEY_RULES = () => undefined;
bounded.TABLE = function (this: unknown, token: AST.Token, context: Record<string, unknown>) {
  context.tokens = DISCARDED;
  context.comments = DISCARDED;
  context.applyResolveKeyForTable = NO_KEY_RULES;
  context.verifyDuplicateKeys = NO_KEY_RULES;
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
 * A TOML 1.1 text as toml-eslint-parser's syntax tree, or its refusal: the parser's
 * `ParseError`, or a `ConfigSyntaxError` where it stopped at a bound or let a lone carriage
 * return pass as a line end. The key rules are left to the tree builder, the words of a
 * refusal to the diagnosis (`diagnose.ts`).
 */
export function parseTomlProgram(text: string): AST.TOMLProgram {
  // toml 0.9 skips a leading byte-order mark; a space in its place keeps every column.
  const program = new BoundedParser(text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text, OPTIONS).parse();
  const lone = text.search(/\r(?!\n)/);
  if (lone >= 0) throw new ConfigSyntaxError(LONE_CR, positionAt(text, lone + 1), "lone-carriage-return");
  return program;
}
