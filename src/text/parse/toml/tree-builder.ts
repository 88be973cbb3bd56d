import type { AST } from "toml-eslint-parser";
import type { Position } from "../position";
import { ConfigSyntaxError } from "../syntax-error";
import type { TreeNode, TreeTable } from "../tree";
import { datetimeText } from "./datetime";
import { positionOf } from "./parser";
import type { TomlSyntaxKind } from "./syntax-kinds";
import { keyText, place, quoted, tableName } from "./words";

const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;

/** A key part with where it stands and ends. */
interface Key {
  name: string;
  at: Position;
  end?: Position;
}

/** How a table or array came to be: the rules of the spec turn on it. */
interface Origin {
  /** The key path, `fruit[1].variety`; "" for the root. */
  name: string;
  /** Made on the way to another table (by a header's path or a dotted key), not defined itself. */
  implicit: boolean;
  /** Made by a dotted key. */
  dotted: boolean;
  /** Written as an inline table, or made inside one. */
  inline: boolean;
  /** For an array: made by `[[header]]`s. */
  arrayOfTables?: boolean;
  /** What defined it, and where that key part stands. */
  by: "header" | "header-path" | "dotted" | "inline";
  at: Position;
}

/**
 * The tables of a parsed TOML text, as the trainer's toml 0.9 builds them: headers, dotted keys
 * and inline tables nested into one tree, arrays of tables as arrays, and every key rule of the
 * spec applied in document order, as toml 0.9 applies them (a key set twice, a table defined
 * twice, a value or an inline table extended, an array of tables mixed with other definitions).
 * Each table keeps an index of its keys, so a file is built in time linear in its size. An
 * integer or float that overflows is reported only when no key rule is broken, as toml 0.9
 * meets it only when it converts the finished tables. `finish: false` leaves the last table
 * open, as toml 0.9 has it while it reads that table's key-value pairs.
 */
export function tomlTree(program: AST.TOMLProgram, text: string, finish = true): TreeNode {
  const builder = new TreeBuilder(text);
  const top = program.body[0];
  let table = builder.root;
  for (const item of top.body) {
    if (item.type === "TOMLKeyValue") {
      builder.keyValue(table, item);
      continue;
    }
    builder.finishTable();
    table = builder.header(keysOf(item.key), item.kind === "array", positionOf(item));
    for (const entry of item.body) builder.keyValue(table, entry);
  }
  if (!finish) return builder.root;
  builder.finishTable();
  if (builder.overflow) throw builder.overflow;
  return builder.root;
}

interface Child {
  node: TreeNode;
  at: Position;
}

class TreeBuilder {
  /** Each table's children by key, so that a key is found in constant time however many there are. */
  private readonly children = new WeakMap<TreeTable, Map<string, Child>>();
  private readonly origins = new WeakMap<TreeNode, Origin>();
  readonly root: TreeTable;
  overflow: ConfigSyntaxError | undefined;
  private pending: { keys: Key[]; element: TreeTable } | undefined;

  constructor(private readonly text: string) {
    this.root = this.table({ line: 1, column: 1 }, { name: "", implicit: false, dotted: false, inline: false, by: "header", at: { line: 1, column: 1 } });
  }

  /** `a.b.c = value` in `table`. */
  keyValue(table: TreeTable, entry: AST.TOMLKeyValue, inline = false): void {
    const keys = keysOf(entry.key);
    const value = this.valueOf(entry.value, this.nameOf(table, keys));
    const parent = this.descend(table, keys.slice(0, -1), true, inline);
    const last = keys[keys.length - 1];
    const origin = this.origin(parent);
    // Dotted keys may only add to tables that dotted keys made, plain keys only to the others.
    if (origin.dotted === (keys.length === 1)) {
      throw this.fault("table-defined-twice", last.at, `${this.twice(parent)}, again by this dotted key`);
    }
    const existing = this.childrenOf(parent).get(last.name);
    if (existing) throw this.duplicate(parent, last, existing.at);
    this.add(parent, last, value);
  }

  /**
   * The table a `[header]` or `[[header]]` opens. A `[[header]]`'s element is put in place when
   * its table is finished (`finishTable`), where toml 0.9 checks where it goes.
   */
  header(keys: Key[], array: boolean, at: Position): TreeTable {
    if (array) {
      const last = keys[keys.length - 1];
      const parent = this.tableAt(this.lookUp(keys.slice(0, -1)));
      const name = parent ? this.nameOf(parent, [last]) : keys.map((key) => keyText(key.name)).join(".");
      const before = this.lookUp(keys);
      const index = before?.kind === "array" && this.origin(before).arrayOfTables ? before.items.length : 0;
      const element = this.table(at, this.made(`${name}[${index}]`, "header", last.at));
      this.pending = { keys, element };
      return element;
    }
    const parent = this.descend(this.root, keys.slice(0, -1), false, false);
    const last = keys[keys.length - 1];
    const name = this.nameOf(parent, [last]);
    const existing = this.childrenOf(parent).get(last.name);
    const node = existing?.node;
    if (node === undefined) return this.add(parent, last, this.table(at, this.made(name, "header", last.at)));
    if (node.kind === "table") {
      const origin = this.origin(node);
      if (origin.implicit && !origin.dotted) {
        Object.assign(origin, { implicit: false, by: "header", at: last.at });
        return node;
      }
      throw this.fault("table-defined-twice", last.at, `${this.twice(node)}, again by this header`);
    }
    if (node.kind === "array" && this.origin(node).arrayOfTables) {
      throw this.fault("array-of-tables", last.at, `\`[${name}]\` cannot define \`${name}\`: it is an array of tables (first \`[[${name}]]\` at ${place(existing!.at)})`);
    }
    throw this.duplicate(parent, last, existing!.at);
  }

  private duplicate(table: TreeTable, key: Key, first: Position): ConfigSyntaxError {
    return this.fault("duplicate-key", key.at, `duplicate key \`${keyText(key.name)}\` in ${tableName(this.origin(table).name)} (first set at ${place(first)})`);
  }

  /** The element of the last `[[header]]`, put in its array once its key-value pairs are read. */
  finishTable(): void {
    if (this.pending === undefined) return;
    const { keys, element } = this.pending;
    this.pending = undefined;
    const parent = this.descend(this.root, keys.slice(0, -1), false, false);
    const last = keys[keys.length - 1];
    const name = this.nameOf(parent, [last]);
    const existing = this.childrenOf(parent).get(last.name);
    const node = existing?.node;
    if (node === undefined) {
      this.add(parent, last, this.array(last.at, [element], { ...this.made(name, "header", last.at), arrayOfTables: true }));
    } else if (node.kind === "array" && this.origin(node).arrayOfTables) {
      node.items.push(element);
    } else {
      throw this.fault(
        "array-of-tables",
        last.at,
        `\`[[${name}]]\` cannot append to \`${name}\`: it is ${this.describe(node)} (first set at ${place(existing!.at)}), not an array of tables`,
      );
    }
  }

  /** The node at a key path from the root, if there is one. */
  private lookUp(keys: readonly Key[]): TreeNode | undefined {
    let node: TreeNode | undefined = this.root;
    for (const key of keys) {
      const table = this.tableAt(node);
      node = table ? this.childrenOf(table).get(key.name)?.node : undefined;
    }
    return node;
  }

  /** A table, or the last element of an array of tables. */
  private tableAt(node: TreeNode | undefined): TreeTable | undefined {
    if (node?.kind === "array" && this.origin(node).arrayOfTables) node = node.items[node.items.length - 1];
    return node?.kind === "table" ? node : undefined;
  }

  private made(name: string, by: Origin["by"], at: Position): Origin {
    return { name, implicit: false, dotted: false, inline: by === "inline", by, at };
  }

  /**
   * The table at a key path from `from`, made where missing; through an array of tables, its
   * last element. `dotted`: the path of a dotted key (not of a header); `inline`: inside an
   * inline table being written.
   */
  private descend(from: TreeTable, keys: Key[], dotted: boolean, inline: boolean): TreeTable {
    let table = from;
    const via = dotted ? "a dotted key" : "a table header";
    for (const key of keys) {
      const existing = this.childrenOf(table).get(key.name);
      if (existing === undefined) {
        const origin: Origin = { name: this.nameOf(table, [key]), implicit: true, dotted, inline, by: dotted ? "dotted" : "header-path", at: key.at };
        table = this.add(table, key, this.table(key.at, origin));
        continue;
      }
      const node = existing.node;
      const name = this.nameOf(table, [key]);
      if (node.kind === "array" && this.origin(node).arrayOfTables) {
        table = node.items[node.items.length - 1] as TreeTable;
        continue;
      }
      if (node.kind !== "table") {
        throw this.fault(
          "extend-value",
          key.at,
          `cannot extend value of type ${this.typeOf(node)} with ${via}: \`${name}\` was set at ${place(existing.at)}`,
        );
      }
      const origin = this.origin(node);
      if (origin.inline && (!inline || (dotted && !origin.implicit))) {
        throw this.fault(
          "extend-inline-table",
          key.at,
          `cannot extend value of type inline table with ${via}: \`${name}\` was set as an inline table at ${place(existing.at)}, which is complete as written`,
        );
      }
      if (dotted && !origin.implicit) throw this.fault("table-defined-twice", key.at, `${this.twice(node)}, again by this dotted key`);
      table = node;
    }
    return table;
  }

  /** The first half of a table-defined-twice message: which table, and what defined it first. */
  private twice(table: TreeTable): string {
    const origin = this.origin(table);
    const how = { header: "by its header", "header-path": "as part of a table header", dotted: "by dotted keys", inline: "by an inline table" }[origin.by];
    return `table \`${origin.name}\` defined twice: first ${how} at ${place(origin.at)}`;
  }

  private describe(node: TreeNode): string {
    const type = this.typeOf(node);
    return `${/^[aeiou]/.test(type) ? "an" : "a"} ${type}`;
  }

  /** A value's type as toml 0.9 names it. */
  private typeOf(node: TreeNode): string {
    switch (node.kind) {
      case "table":
        return this.origin(node).inline ? "inline table" : "table";
      case "array":
        return "array";
      case "datetime":
        return "datetime";
      case "scalar":
        if (typeof node.value === "string") return "string";
        if (typeof node.value === "boolean") return "boolean";
        return node.float ? "float" : "integer";
    }
  }

  private nameOf(table: TreeTable, keys: readonly Key[]): string {
    const prefix = this.origin(table).name;
    return [...(prefix === "" ? [] : [prefix]), ...keys.map((key) => keyText(key.name))].join(".");
  }

  private valueOf(node: AST.TOMLContentNode, name: string): TreeNode {
    // The same node, which the builder knows its tables and arrays by, with its end.
    const value = this.valueAt(node, name);
    value.end = endOf(node);
    return value;
  }

  private valueAt(node: AST.TOMLContentNode, name: string): TreeNode {
    const at = positionOf(node);
    switch (node.type) {
      case "TOMLArray": {
        const items = node.elements.map((element, i) => this.valueOf(element, `${name}[${i}]`));
        return this.array(at, items, this.made(name, "inline", at));
      }
      case "TOMLInlineTable": {
        const table = this.table(at, this.made(name, "inline", at));
        for (const entry of node.body) this.keyValue(table, entry, true);
        return table;
      }
    }
    switch (node.kind) {
      case "integer":
        if (node.bigint < I64_MIN || node.bigint > I64_MAX) {
          this.overflow ??= this.fault("number-overflow", at, `integer ${quoted(this.written(node))} overflowed: it does not fit in a 64-bit signed integer`);
        }
        return { kind: "scalar", at, value: Number.isSafeInteger(node.value) ? node.value : node.bigint };
      case "float":
        if (!Number.isFinite(node.value) && !/^[+-]?(inf|nan)$/.test(node.number)) {
          this.overflow ??= this.fault("number-overflow", at, `floating-point number ${quoted(this.written(node))} overflowed: it does not fit in a 64-bit float`);
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

  private written(node: AST.TOMLNode): string {
    return this.text.slice(node.range[0], node.range[1]);
  }

  private table(at: Position, origin: Origin): TreeTable {
    const table: TreeTable = { kind: "table", at, entries: [] };
    this.children.set(table, new Map());
    this.origins.set(table, origin);
    return table;
  }

  private array(at: Position, items: TreeNode[], origin: Origin): TreeNode {
    const array: TreeNode = { kind: "array", at, items };
    this.origins.set(array, origin);
    return array;
  }

  private add<T extends TreeNode>(table: TreeTable, key: Key, value: T): T {
    table.entries.push({ key: key.name, at: key.at, keyEnd: key.end, value });
    this.childrenOf(table).set(key.name, { node: value, at: key.at });
    return value;
  }

  private childrenOf(table: TreeTable): Map<string, Child> {
    return this.children.get(table)!;
  }

  private origin(node: TreeNode): Origin {
    return this.origins.get(node)!;
  }

  private fault(kind: TomlSyntaxKind, at: Position, message: string): ConfigSyntaxError {
    return new ConfigSyntaxError(message, at, kind);
  }
}

function keysOf(key: AST.TOMLKey): Key[] {
  return key.keys.map((part) => ({ name: part.type === "TOMLBare" ? part.name : part.value, at: positionOf(part), end: endOf(part) }));
}

/** Where a token or node ends: just after it, 1-based. */
function endOf(node: AST.TOMLNode): Position {
  return { line: node.loc.end.line, column: node.loc.end.column + 1 };
}
