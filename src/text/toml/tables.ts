import type { AST } from "toml-eslint-parser";
import type { Position } from "../position";
import { addDottedKey, keysOf, positionOf, valueOf, type Key, type Pair } from "./values";

/** A table of toml 0.5's first pass: a header (empty for the top) and the pairs under it. */
export interface Table {
  at: Position;
  header: Key[];
  /** `null` once the walk has handed the pairs to serde (or, for the top, when it has none). */
  values: Pair[] | null;
  array: boolean;
}

/** toml 0.5's `tables()`: every header in document order, the top-level pairs first if any. */
export function tablesOf(program: AST.TOMLProgram): Table[] {
  const top = program.body[0];
  const tables: Table[] = [];
  const root: Table = { at: { line: 1, column: 1 }, header: [], values: null, array: false };
  for (const item of top.body) {
    if (item.type === "TOMLKeyValue") {
      root.values ??= [];
      addDottedKey(keysOf(item.key), valueOf(item.value), root.values);
      continue;
    }
    if (tables.length === 0 && root.values) tables.push(root);
    const values: Pair[] = [];
    for (const entry of item.body) addDottedKey(keysOf(entry.key), valueOf(entry.value), values);
    tables.push({ at: positionOf(item), header: keysOf(item.key), values, array: item.kind === "array" });
  }
  if (tables.length === 0 && root.values) tables.push(root);
  return tables;
}
