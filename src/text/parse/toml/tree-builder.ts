import type { AST } from "toml-eslint-parser";
import type { Position } from "../position";
import { ConfigSyntaxError } from "../syntax-error";
import type { TreeNode, TreeTable } from "../tree";
import { datetimeText } from "./datetime";
import { positionOf } from "./parser";

const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;

/** A key part with where it stands. */
interface Key {
  name: string;
  at: Position;
}

/**
 * The tables of a parsed TOML text, as the trainer's toml 0.9 builds them: headers, dotted keys
 * and inline tables nested into one tree, arrays of tables as arrays. The parser has already
 * refused every key set twice, so each key is placed once; each table keeps an index of its
 * keys, so a file is built in time linear in its size.
 */
export function tomlTree(program: AST.TOMLProgram): TreeNode {
  const builder = new TreeBuilder();
  const top = program.body[0];
  let table = builder.root;
  for (const item of top.body) {
    if (item.type === "TOMLKeyValue") {
      builder.set(table, keysOf(item.key), valueOf(builder, item.value));
      continue;
    }
    table = builder.header(keysOf(item.key), item.kind === "array", positionOf(item));
    for (const entry of item.body) builder.set(table, keysOf(entry.key), valueOf(builder, entry.value));
  }
  return builder.root;
}

class TreeBuilder {
  /** Each table's children by key, so that a key is found in constant time however many there are. */
  private readonly children = new WeakMap<TreeTable, Map<string, TreeNode>>();
  readonly root = this.table({ line: 1, column: 1 });

  /** The table a `[header]` or `[[header]]` opens. */
  header(keys: Key[], array: boolean, at: Position): TreeTable {
    const parent = this.descend(this.root, keys.slice(0, -1));
    const last = keys[keys.length - 1];
    const existing = this.childrenOf(parent).get(last.name);
    if (!array) {
      if (existing?.kind === "table") return existing;
      return this.add(parent, last, this.table(at));
    }
    const element = this.table(at);
    if (existing?.kind === "array") existing.items.push(element);
    else this.add(parent, last, { kind: "array", at: last.at, items: [element] });
    return element;
  }

  /** `a.b.c = value` in `table`. */
  set(table: TreeTable, keys: Key[], value: TreeNode): void {
    const last = keys[keys.length - 1];
    this.add(this.descend(table, keys.slice(0, -1)), last, value);
  }

  table(at: Position): TreeTable {
    const table: TreeTable = { kind: "table", at, entries: [] };
    this.children.set(table, new Map());
    return table;
  }

  /** The table at a key path, made where missing; through an array of tables, its last element. */
  private descend(from: TreeTable, keys: Key[]): TreeTable {
    let table = from;
    for (const key of keys) {
      let next = this.childrenOf(table).get(key.name);
      if (next === undefined) next = this.add(table, key, this.table(key.at));
      if (next.kind === "array") next = next.items[next.items.length - 1];
      table = next as TreeTable;
    }
    return table;
  }

  private add<T extends TreeNode>(table: TreeTable, key: Key, value: T): T {
    table.entries.push({ key: key.name, at: key.at, value });
    this.childrenOf(table).set(key.name, value);
    return value;
  }

  private childrenOf(table: TreeTable): Map<string, TreeNode> {
    return this.children.get(table)!;
  }
}

function keysOf(key: AST.TOMLKey): Key[] {
  return key.keys.map((part) => ({ name: part.type === "TOMLBare" ? part.name : part.value, at: positionOf(part) }));
}

function valueOf(builder: TreeBuilder, node: AST.TOMLContentNode): TreeNode {
  const at = positionOf(node);
  switch (node.type) {
    case "TOMLArray":
      return { kind: "array", at, items: node.elements.map((element) => valueOf(builder, element)) };
    case "TOMLInlineTable": {
      const table = builder.table(at);
      for (const entry of node.body) builder.set(table, keysOf(entry.key), valueOf(builder, entry.value));
      return table;
    }
  }
  switch (node.kind) {
    case "integer":
      if (node.bigint < I64_MIN || node.bigint > I64_MAX) {
        throw new ConfigSyntaxError("invalid number: the integer does not fit in 64 bits", at);
      }
      return { kind: "scalar", at, value: Number.isSafeInteger(node.value) ? node.value : node.bigint };
    case "float":
      if (!Number.isFinite(node.value) && !/^[+-]?(inf|nan)$/.test(node.number)) {
        throw new ConfigSyntaxError("floating-point number overflowed", at);
      }
      return { kind: "scalar", at, value: node.value, float: true };
    case "offset-date-time":
    case "local-date-time":
    case "local-date":
    case "local-time":
      return { kind: "datetime", at, text: datetimeText(node.datetime) };
    default:
      return { kind: "scalar", at, value: node.value };
  }
}
