import type { ValidationIssue } from "../../result";
import type { TreeEntry, TreeNode } from "../tree";
import type { Table } from "./tables";
import type { Pair, TomlValue } from "./values";

/**
 * The tables found to be defined twice (toml 0.5 reports these while serde reads them, as
 * "redefinition of table"), with where.
 */
export class TableRedefinition extends Error {
  constructor(readonly issue: Omit<ValidationIssue, "path">) {
    super(issue.message);
  }
}

/**
 * What serde sees when it reads toml 0.5's tables: a port of its `MapVisitor`, which hands
 * out the pairs of a table, then for each later table under the same prefix the next
 * segment of its header as one more key. Tables that share a prefix therefore merge, but a
 * key set both in a table and by a later header (`quant = {…}` then `[model.quant.x]`)
 * reaches serde twice, and a header repeated is an error.
 */
export function walkTables(tables: Table[]): TreeNode {
  const walk = new Walk(tables);
  return walk.map({ depth: 0, cur: 0, curParent: 0, max: tables.length, values: [], handed: 0 }, { line: 1, column: 1 });
}

interface Visitor {
  depth: number;
  cur: number;
  curParent: number;
  max: number;
  /** The pairs of the table being handed out, and how many have been. */
  values: Pair[];
  handed: number;
}

/** A header, or its first `length` segments, as a map key. */
const names = (table: Table, length = table.header.length) =>
  JSON.stringify(table.header.slice(0, length).map((key) => key.name));

class Walk {
  /** Header (as JSON) → indices of the tables with exactly that header. */
  private readonly exact = new Map<string, number[]>();
  /** Header prefix (as JSON) → indices of the tables whose header starts with it. */
  private readonly prefixed = new Map<string, number[]>();

  constructor(private readonly tables: Table[]) {
    tables.forEach((table, i) => {
      push(this.exact, names(table), i);
      for (let length = 0; length <= table.header.length; length++) push(this.prefixed, names(table, length), i);
    });
  }

  map(visitor: Visitor, at: TreeNode["at"]): TreeNode {
    const entries: TreeEntry[] = [];
    for (;;) {
      if (visitor.curParent === visitor.max || visitor.cur === visitor.max) break;
      const entry = this.nextEntry(visitor);
      if (!entry) break;
      entries.push(entry);
    }
    return { kind: "table", at, entries };
  }

  private nextEntry(v: Visitor): TreeEntry | undefined {
    const { tables } = this;
    for (;;) {
      const pair = v.values[v.handed++];
      if (pair) return { key: pair.key.name, at: pair.key.at, value: convert(pair.value) };

      const candidates = this.prefixed.get(names(tables[v.curParent], v.depth)) ?? [];
      const pos = firstUnread(tables, candidates, v.cur, v.max);
      if (pos === undefined) return undefined;
      v.cur = pos;

      if (v.curParent !== pos) {
        if (names(tables[v.curParent]) === names(tables[pos])) {
          const table = tables[pos];
          throw new TableRedefinition({
            stage: "deserialize",
            message: `redefinition of table \`${table.header.map((key) => key.name).join(".")}\``,
            line: table.at.line,
            column: table.at.column,
          });
        }
        if (tables[pos].header.length < tables[v.curParent].header.length) v.curParent = pos;
      }

      const table = tables[pos];
      if (v.depth !== table.header.length) {
        const key = table.header[v.depth];
        const array = table.array && v.depth === table.header.length - 1;
        v.cur += 1;
        const child: Visitor = {
          depth: v.depth + (array ? 0 : 1),
          cur: 0,
          curParent: v.cur - 1,
          max: v.max,
          values: [],
          handed: 0,
        };
        return { key: key.name, at: key.at, value: array ? this.seq(child, key.at) : this.map(child, key.at) };
      }
      if (table.array) {
        throw new TableRedefinition({
          stage: "deserialize",
          message: "table redefined as array",
          line: table.at.line,
          column: table.at.column,
        });
      }
      v.values = table.values ?? [];
      v.handed = 0;
      table.values = null;
    }
  }

  /** An array of tables (`[[name]]`): one map per header, each ending where the next begins. */
  private seq(v: Visitor, at: TreeNode["at"]): TreeNode {
    const { tables } = this;
    const items: TreeNode[] = [];
    while (v.curParent !== v.max) {
      const same = this.exact.get(names(tables[v.curParent])) ?? [];
      const next = same.find((i) => i > v.curParent && i < v.max && tables[i].array) ?? v.max;
      const values = tables[v.curParent].values ?? [];
      tables[v.curParent].values = null;
      const element: Visitor = { depth: v.depth + 1, cur: 0, curParent: v.curParent, max: next, values, handed: 0 };
      items.push(this.map(element, tables[v.curParent].at));
      v.curParent = next;
    }
    return { kind: "array", at, items };
  }
}

/** The first table of `candidates` (sorted) in [from, max) whose pairs are not yet read. */
function firstUnread(tables: Table[], candidates: number[], from: number, max: number): number | undefined {
  let low = 0;
  let high = candidates.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (candidates[mid] < from) low = mid + 1;
    else high = mid;
  }
  for (let k = low; k < candidates.length && candidates[k] < max; k++) {
    if (tables[candidates[k]].values !== null) return candidates[k];
  }
  return undefined;
}

function push(index: Map<string, number[]>, key: string, i: number): void {
  const list = index.get(key);
  if (list) list.push(i);
  else index.set(key, [i]);
}

function convert(value: TomlValue): TreeNode {
  switch (value.kind) {
    case "array":
      return { kind: "array", at: value.at, items: value.items.map(convert) };
    case "inline":
    case "dotted":
      return {
        kind: "table",
        at: value.at,
        entries: value.pairs.map((pair) => ({ key: pair.key.name, at: pair.key.at, value: convert(pair.value) })),
      };
    default:
      return value;
  }
}
