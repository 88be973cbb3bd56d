import { ParseError } from "toml-eslint-parser";
import { ConfigSyntaxError } from "../syntax-error";
import { decodePiece } from "./decode";
import { lex } from "./lexer";
import { parseTomlProgram } from "./parser";
import { readStructure } from "./structure";
import type { TomlSyntaxKind } from "./syntax-kinds";
import { tomlTree } from "./tree-builder";
import { Fault, positionAt } from "./words";

/** The classes of the key rules, which toml 0.9 applies as it meets each statement. */
const KEY_RULES: ReadonlySet<TomlSyntaxKind> = new Set(["duplicate-key", "table-defined-twice", "array-of-tables", "extend-value", "extend-inline-table"]);

/**
 * The error to report for a text the parser refused (`error`): the first one toml 0.9 reports,
 * in the package's words and at toml 0.9's place. toml 0.9 first reads the whole structure,
 * then decodes keys and values and applies the key rules statement by statement; so a key
 * rule broken before the first decoding error wins over it. Where the diagnosis finds nothing
 * the parser's own refusal is told, as `unclassified`. Anything but a refusal is passed on.
 */
export function explain(text: string, error: unknown): unknown {
  if (!(error instanceof ParseError) && !(error instanceof ConfigSyntaxError)) return error;
  const found = diagnose(text);
  if (found !== undefined) {
    const { fault } = found;
    const earlier = "statement" in found ? keyRuleBefore(text, found.statement) : "late" in found ? keyRuleOutside(text, found.late) : undefined;
    return earlier ?? new ConfigSyntaxError(fault.message, positionAt(text, fault.offset), fault.kind);
  }
  if (error instanceof ConfigSyntaxError) return error;
  const words = error.message;
  return new ConfigSyntaxError(words.charAt(0).toLowerCase() + words.slice(1), { line: error.lineNumber, column: error.column + 1 }, "unclassified");
}

type Span = { start: number; end: number };

/**
 * The first fault of a text as toml 0.9 finds them: in its structure; else in decoding its
 * pieces in order (with the offset of the statement holding that piece); else the first late
 * fault (with the spans of every value that has one).
 */
function diagnose(text: string): { fault: Fault } | { fault: Fault; statement: number } | { fault: Fault; late: Span[] } | undefined {
  const { pieces, fault: broken } = readStructure(text, lex(text));
  if (broken) return { fault: broken.fault };
  let first: Fault | undefined;
  const late: Span[] = [];
  for (const piece of pieces) {
    const fault = decodePiece(text, piece);
    if (fault && !fault.late) return { fault, statement: piece.statement };
    if (fault && piece.type === "value") {
      first ??= fault;
      late.push(piece);
    }
  }
  return first && { fault: first, late };
}

/**
 * The classes of every fault toml 0.9's reading of a text meets, the one it reports first
 * among them: the structure's first fault, each fault in decoding what was read before it,
 * and a key rule broken before the statement where either breaks. A text with several errors
 * shows them here.
 */
export function faultKinds(text: string): TomlSyntaxKind[] {
  const { pieces, fault } = readStructure(text, lex(text));
  const kinds = fault ? [fault.fault.kind] : [];
  let stop = fault?.statement;
  for (const piece of pieces) {
    const found = decodePiece(text, piece);
    if (found) kinds.push(found.kind);
    if (found && stop === undefined) stop = piece.statement;
  }
  const rule = keyRuleBefore(text, stop ?? text.length, stop === undefined);
  return rule?.kind ? [...kinds, rule.kind] : kinds;
}

/**
 * A key rule broken anywhere in a text whose only faults are late ones, at `late`: those
 * values are written as `0` for the check (padded, so that every place stays where it is).
 */
function keyRuleOutside(text: string, late: readonly Span[]): ConfigSyntaxError | undefined {
  let masked = "";
  let from = 0;
  for (const { start, end } of late) {
    masked += `${text.slice(from, start)}0${" ".repeat(end - start - 1)}`;
    from = end;
  }
  masked += text.slice(from);
  return keyRuleBefore(masked, masked.length, true);
}

/**
 * A key rule broken by the statements before `end`, which are whole and decode without fault;
 * unless `finish`, the table open at `end` is not finished yet (toml 0.9 checks an array of
 * tables' header only then).
 */
function keyRuleBefore(text: string, end: number, finish = false): ConfigSyntaxError | undefined {
  const prefix = text.slice(0, end);
  try {
    tomlTree(parseTomlProgram(prefix), prefix, finish);
  } catch (error) {
    if (error instanceof ConfigSyntaxError && error.kind !== undefined && KEY_RULES.has(error.kind)) return error;
  }
  return undefined;
}
