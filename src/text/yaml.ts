import { isAlias, isMap, isScalar, isSeq, parseAllDocuments, type Document, type Node } from "yaml";
import { LineIndex } from "./position";
import { ConfigSyntaxError } from "./syntax-error";
import type { TreeNode } from "./tree";

/** Aliases may repeat a subtree many times over ("billion laughs"): a config never needs this many. */
const NODE_LIMIT = 1_000_000;

/**
 * YAML 1.2 (core schema) read as one more syntax for the same document: one document per
 * file, aliases expanded in place, keys as strings. Duplicate keys are kept here and
 * rejected by the document builder (YAML forbids them; no serde to mirror).
 */
export function parseYaml(text: string): TreeNode {
  const lines = new LineIndex(text);
  const documents = parseAllDocuments(text, { uniqueKeys: false, merge: false, prettyErrors: false });
  const list = Array.isArray(documents) ? documents : [];
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
  return new Converter(document, lines).convert(contents);
}

function firstLine(message: string): string {
  return message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
}

class Converter {
  private nodes = 0;

  constructor(
    private readonly document: Document.Parsed,
    private readonly lines: LineIndex,
  ) {}

  convert(node: unknown): TreeNode {
    if (++this.nodes > NODE_LIMIT) {
      throw new ConfigSyntaxError(`the YAML expands to more than ${NODE_LIMIT} values (aliases)`, this.at(node));
    }
    const at = this.at(node);
    if (isAlias(node)) {
      const target = node.resolve(this.document);
      if (!target) throw new ConfigSyntaxError(`unknown alias *${node.source}`, at);
      return { ...this.convert(target), at };
    }
    if (isMap(node)) {
      return {
        kind: "table",
        at,
        entries: node.items.map((pair) => {
          if (!isScalar(pair.key)) throw new ConfigSyntaxError("a key must be a plain string", this.at(pair.key ?? node));
          return { key: String(pair.key.value), at: this.at(pair.key), value: this.convert(pair.value ?? null) };
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

  private at(node: unknown): TreeNode["at"] {
    const range = (node as Node | null)?.range;
    return range ? this.lines.at(range[0]) : { line: 1, column: 1 };
  }
}
