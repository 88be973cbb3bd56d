import type { AST } from "toml-eslint-parser";
import type { Position } from "../position";
import { ConfigSyntaxError } from "../syntax-error";

/** A key with where it stands. */
export interface Key {
  name: string;
  at: Position;
}

/** A key/value pair of a table, in the order toml 0.5 hands them to serde. */
export interface Pair {
  key: Key;
  value: TomlValue;
}

/** toml 0.5's values: inline tables and tables made by dotted keys are told apart. */
export type TomlValue =
  | { kind: "scalar"; at: Position; value: string | number | boolean }
  | { kind: "datetime"; at: Position; text: string }
  | { kind: "array"; at: Position; items: TomlValue[] }
  | { kind: "inline" | "dotted"; at: Position; pairs: Pair[] };

const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;

export function positionOf(node: AST.TOMLNode): Position {
  return { line: node.loc.start.line, column: node.loc.start.column + 1 };
}

export function keysOf(key: AST.TOMLKey): Key[] {
  return key.keys.map((part) => ({ name: part.type === "TOMLBare" ? part.name : part.value, at: positionOf(part) }));
}

export function valueOf(node: AST.TOMLContentNode): TomlValue {
  const at = positionOf(node);
  switch (node.type) {
    case "TOMLArray":
      return { kind: "array", at, items: node.elements.map(valueOf) };
    case "TOMLInlineTable": {
      const pairs: Pair[] = [];
      for (const entry of node.body) addDottedKey(keysOf(entry.key), valueOf(entry.value), pairs);
      return { kind: "inline", at, pairs };
    }
    default:
      switch (node.kind) {
        case "integer":
          if (node.bigint < I64_MIN || node.bigint > I64_MAX) {
            throw new ConfigSyntaxError("invalid number: the integer does not fit in 64 bits", at);
          }
          return { kind: "scalar", at, value: node.value };
        case "float":
          if (!Number.isFinite(node.value) && !/^[+-]?(inf|nan)$/.test(node.number)) {
            throw new ConfigSyntaxError("invalid number: the float is out of range", at);
          }
          return { kind: "scalar", at, value: node.value };
        case "offset-date-time":
        case "local-date-time":
        case "local-date":
        case "local-time":
          return { kind: "datetime", at, text: node.datetime };
        default:
          return { kind: "scalar", at, value: node.value };
      }
  }
}

/** The first pair of each key name, for the lists of pairs that dotted keys extend. */
const firstByName = new WeakMap<Pair[], Map<string, Pair>>();

function indexOf(pairs: Pair[]): Map<string, Pair> {
  let index = firstByName.get(pairs);
  if (!index) {
    index = new Map();
    for (const pair of pairs) if (!index.has(pair.key.name)) index.set(pair.key.name, pair);
    firstByName.set(pairs, index);
  }
  return index;
}

/**
 * toml 0.5's `add_dotted_key`: `a.b = 1` and `a.c = 2` in one table build one table `a`;
 * extending anything else (`a = 1` then `a.b = 2`) is an error; a plain key seen twice is
 * simply listed twice.
 */
export function addDottedKey(keys: Key[], value: TomlValue, pairs: Pair[]): void {
  const [key, ...rest] = keys;
  if (rest.length === 0) {
    const pair = { key, value };
    pairs.push(pair);
    const index = firstByName.get(pairs);
    if (index && !index.has(key.name)) index.set(key.name, pair);
    return;
  }
  const index = indexOf(pairs);
  const existing = index.get(key.name);
  if (existing) {
    if (existing.value.kind !== "dotted") {
      throw new ConfigSyntaxError(`dotted key \`${key.name}\` extends a value that is not a table`, existing.value.at);
    }
    addDottedKey(rest, value, existing.value.pairs);
    return;
  }
  const table: TomlValue = { kind: "dotted", at: value.at, pairs: [] };
  const pair = { key, value: table };
  pairs.push(pair);
  index.set(key.name, pair);
  addDottedKey(rest, value, table.pairs);
}
