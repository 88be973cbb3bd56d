import { BeyondBounds } from "./beyond-bounds";
import { parseTree, ParseErrorCode, type Node, type ParseError } from "jsonc-parser";
import { MAX_NESTING_DEPTH, tooDeep } from "./nesting-limit";
import { hasLoneSurrogate } from "../../validate/serde-words";
import { LineIndex } from "./position";
import { ConfigSyntaxError } from "./syntax-error";
import type { TreeNode } from "./tree";

/** What went wrong, in words, for each of jsonc-parser's error codes. */
const PROBLEMS: Record<ParseErrorCode, string> = {
  [ParseErrorCode.InvalidSymbol]: "unexpected character",
  [ParseErrorCode.InvalidNumberFormat]: "invalid number",
  [ParseErrorCode.PropertyNameExpected]: "expected a key in double quotes",
  [ParseErrorCode.ValueExpected]: "expected a value",
  [ParseErrorCode.ColonExpected]: "expected `:`",
  [ParseErrorCode.CommaExpected]: "expected `,`",
  [ParseErrorCode.CloseBraceExpected]: "expected `}`",
  [ParseErrorCode.CloseBracketExpected]: "expected `]`",
  [ParseErrorCode.EndOfFileExpected]: "unexpected text after the document",
  [ParseErrorCode.InvalidCommentToken]: "comments are not allowed in JSON",
  [ParseErrorCode.UnexpectedEndOfComment]: "unterminated comment",
  [ParseErrorCode.UnexpectedEndOfString]: "unterminated string",
  [ParseErrorCode.UnexpectedEndOfNumber]: "incomplete number",
  [ParseErrorCode.InvalidUnicode]: "invalid \\u escape in a string",
  [ParseErrorCode.InvalidEscapeCharacter]: "invalid escape in a string",
  [ParseErrorCode.InvalidCharacter]: "control character in a string (write it as an escape)",
};

/**
 * Strict JSON, as serde_json reads it: no comments, no trailing commas, no byte-order mark,
 * nothing after the document. Duplicate keys are kept for the struct rules to judge.
 */
export function parseJson(text: string): TreeNode {
  const lines = new LineIndex(text);
  if (text.charCodeAt(0) === 0xfeff) throw new ConfigSyntaxError("a byte-order mark is not allowed in JSON", lines.at(0));
  checkNesting(text, lines);
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length > 0 || !root) {
    const [first] = errors;
    throw new ConfigSyntaxError(PROBLEMS[first.error] ?? "invalid JSON", lines.at(first.offset));
  }
  return toTree(root, lines, text);
}

/** Refuses a text nested deeper than `MAX_NESTING_DEPTH`, before the parser's recursion meets it. */
function checkNesting(text: string, lines: LineIndex): void {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // A string: skip to its closing quote, over escapes.
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i++;
        else if (d === 0x22) break;
      }
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_NESTING_DEPTH) throw new BeyondBounds(tooDeep(), lines.at(i));
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
}

function toTree(node: Node, lines: LineIndex, text: string): TreeNode {
  const at = lines.at(node.offset);
  const end = lines.at(node.offset + node.length);
  switch (node.type) {
    case "object":
      return {
        kind: "table",
        at,
        end,
        entries: (node.children ?? []).map((property) => {
          const [key, value] = property.children as [Node, Node];
          return { key: key.value as string, at: lines.at(property.offset), keyEnd: lines.at(key.offset + key.length), value: toTree(value, lines, text), ...faultOf(key, text) };
        }),
      };
    case "array":
      return { kind: "array", at, end, items: (node.children ?? []).map((item) => toTree(item, lines, text)) };
    default:
      return { kind: "scalar", at, end, value: node.value as string | number | boolean | null, ...faultOf(node, text) };
  }
}

/** A string node that writes a lone surrogate, with serde_json's words for it. */
function faultOf(node: Node, text: string): { unicodeFault?: string } {
  if (node.type !== "string" || !hasLoneSurrogate(node.value as string)) return {};
  return { unicodeFault: surrogateFault(text.slice(node.offset, node.offset + node.length)) };
}

/**
 * serde_json's words for the first `\u` escape of a string literal that does not make a
 * character: a trailing surrogate first, or a leading one followed by anything but the
 * escape of a trailing one.
 */
function surrogateFault(literal: string): string {
  const escapes = /\\(?:u([0-9a-fA-F]{4})|.)/g;
  for (let match = escapes.exec(literal); match; match = escapes.exec(literal)) {
    if (match[1] === undefined) continue;
    const code = parseInt(match[1], 16);
    if (code >= 0xdc00 && code <= 0xdfff) return "lone leading surrogate in hex escape";
    if (code < 0xd800 || code > 0xdbff) continue;
    const next = /^\\u([0-9a-fA-F]{4})/.exec(literal.slice(escapes.lastIndex));
    if (!next) return "unexpected end of hex escape";
    const trailing = parseInt(next[1], 16);
    if (trailing < 0xdc00 || trailing > 0xdfff) return "lone leading surrogate in hex escape";
    escapes.lastIndex += next[0].length;
  }
  return "lone leading surrogate in hex escape";
}
