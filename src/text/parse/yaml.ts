import { BeyondBounds } from "./beyond-bounds";
import { Composer, CST, isAlias, isMap, isScalar, isSeq, Lexer, Parser, type Node } from "yaml";
import { MAX_NESTING_DEPTH, tooDeep } from "./nesting-limit";
import { LineIndex } from "./position";
import { MAX_CONFIG_BYTES } from "../size-limit";
import { ConfigSyntaxError } from "./syntax-error";
import type { TreeNode } from "./tree";

/**
 * Aliases may repeat a subtree many times over ("billion laughs"). A document may expand to
 * as many values as a text of the size limit could spell out, one per byte, and no more.
 */
export const MAX_YAML_VALUES = MAX_CONFIG_BYTES;

/**
 * YAML 1.2 (core schema) read as one more syntax for the same document: one document per
 * file, aliases expanded in place, keys as strings. Duplicate keys are kept here and
 * rejected by the document builder (YAML forbids them; no serde to mirror).
 */
export function parseYaml(text: string): TreeNode {
  const lines = new LineIndex(text);
  const composer = new Composer({ uniqueKeys: false, merge: false });
  const list = Array.from(composer.compose(tokensOf(text, lines)));
  for (const document of list) {
    const [error] = document.errors;
    if (error) throw new ConfigSyntaxError(firstLine(error.message), lines.at(error.pos[0]));
  }
  if (list.length > 1) {
    throw new ConfigSyntaxError("a config file holds one YAML document, this one holds several", lines.at(list[1].range[0]));
  }
  const [document] = list;
  const contents = document?.contents;
  if (!contents || (isScalar(contents) && contents.value === null)) {
    return { kind: "table", at: { line: 1, column: 1 }, entries: [] };
  }
  return new Converter(lines).convert(contents);
}

function firstLine(message: string): string {
  return message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
}

/**
 * The parser's tokens, as `parseAllDocuments` makes them, from one pass of the lexer that
 * also refuses flow collections (`[[[…`) nested deeper than `MAX_NESTING_DEPTH` before the
 * composer's recursion meets them. Block nesting needs indentation, so a text under the
 * size limit cannot nest deeply that way.
 */
function* tokensOf(text: string, lines: LineIndex): Generator<CST.Token> {
  const parser = new Parser();
  let depth = 0;
  let scalarNext = false;
  for (const lexeme of new Lexer().lex(text)) {
    // The lexeme after a scalar marker is the scalar's text, whatever it holds.
    if (scalarNext) scalarNext = false;
    else if (lexeme === SCALAR) scalarNext = true;
    else {
      const type = CST.tokenType(lexeme);
      if (type === "flow-map-start" || type === "flow-seq-start") {
        if (++depth > MAX_NESTING_DEPTH) throw new BeyondBounds(tooDeep(), lines.at(parser.offset));
      } else if (type === "flow-map-end" || type === "flow-seq-end") {
        depth--;
      }
    }
    yield* parser.next(lexeme);
  }
  yield* parser.end();
}

const SCALAR = "\u001f";

/** An anchored node, converted once: its tree and how many values it expands to. */
interface Anchored {
  tree: TreeNode;
  values: number;
}

/**
 * The composed document as a tree, in one pass in document order. Each anchored node is
 * converted once and an alias reuses that tree (the document builder expands it, and judges
 * the nesting of the expanded document); an alias
 * counts the values its anchor expands to, so an expansion past `MAX_YAML_VALUES` is refused
 * before any of it is built.
 */
class Converter {
  private values = 0;
  /** Anchor name → the latest node anchored so, as an alias at this point of the document sees it. */
  private readonly anchors = new Map<string, Anchored>();

  constructor(private readonly lines: LineIndex) {}

  convert(node: unknown): TreeNode {
    const at = this.at(node);
    if (isAlias(node)) {
      const anchored = this.anchors.get(node.source);
      if (!anchored) throw new ConfigSyntaxError(`unknown alias *${node.source}`, at);
      this.count(anchored.values, at);
      return { ...anchored.tree, at, end: this.end(node) };
    }
    const before = this.values;
    this.count(1, at);
    const tree = { ...this.tree(node, at), end: this.end(node) };
    const anchor = (node as { anchor?: string } | null)?.anchor;
    if (anchor) this.anchors.set(anchor, { tree, values: this.values - before });
    return tree;
  }

  private tree(node: unknown, at: TreeNode["at"]): TreeNode {
    if (isMap(node)) {
      return {
        kind: "table",
        at,
        entries: node.items.map((pair) => {
          if (!isScalar(pair.key)) throw new ConfigSyntaxError("a key must be a plain string", this.at(pair.key ?? node));
          return { key: String(pair.key.value), at: this.at(pair.key), keyEnd: this.end(pair.key), value: this.convert(pair.value ?? null) };
        }),
      };
    }
    if (isSeq(node)) return { kind: "array", at, items: node.items.map((item) => this.convert(item)) };
    if (isScalar(node)) {
      const value = node.value;
      if (value === null || ["string", "number", "boolean"].includes(typeof value)) {
        return { kind: "scalar", at, value: value as string | number | boolean | null };
      }
      return { kind: "scalar", at, value: String(value) };
    }
    return { kind: "scalar", at, value: null };
  }

  private count(values: number, at: TreeNode["at"]): void {
    this.values += values;
    if (this.values > MAX_YAML_VALUES) {
      throw new BeyondBounds(`the YAML expands to more than ${MAX_YAML_VALUES} values (aliases)`, at);
    }
  }

  private at(node: unknown): TreeNode["at"] {
    const range = (node as Node | null)?.range;
    return range ? this.lines.at(range[0]) : { line: 1, column: 1 };
  }

  /** Where a node's value ends (its range's second mark, before any comment after it). */
  private end(node: unknown): TreeNode["end"] {
    const range = (node as Node | null)?.range;
    return range ? this.lines.at(range[1]) : undefined;
  }
}
