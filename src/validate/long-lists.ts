import { childPointer, isWithin, pointerTokens, valueAt } from "../util/pointer";
import { copyTable, isTable } from "../util/tables";
import type { AjvError } from "./generated";

/** Elements of a long list that are always explained, and distinct later values kept beyond them. */
const HEAD = 256;
const DISTINCT_TAIL = 256;

/**
 * Collecting every error of a million-element list takes seconds and says nothing more than
 * its first few. Before explaining, a list longer than `HEAD` is cut to its head plus the
 * first occurrence of each distinct later value (up to `DISTINCT_TAIL`): whether it is empty,
 * which values it contains, and its first bad element all stay as they were, so the first
 * error and every rule verdict do too. Error paths are mapped back to the original indices.
 */
export function shortenLists(input: unknown, lists: readonly string[]): {
  view: unknown;
  restore: (errors: AjvError[]) => AjvError[];
} {
  let view = input;
  let origins: Map<string, number[]> | undefined;
  for (const pointer of lists) {
    const list = valueAt(input, pointer, isTable);
    if (!Array.isArray(list) || list.length <= HEAD) continue;
    const { items, origin } = summarize(list);
    view = write(view, pointerTokens(pointer), items);
    (origins ??= new Map()).set(pointer, origin);
  }
  if (origins === undefined) return { view: input, restore: unchanged };
  const shortened = origins;
  return { view, restore: (errors) => errors.map((error) => restorePath(error, shortened)) };
}

const unchanged = (errors: AjvError[]) => errors;

function summarize(list: readonly unknown[]): { items: unknown[]; origin: number[] } {
  const items = list.slice(0, HEAD);
  const origin = items.map((_, i) => i);
  const seen = new Set<unknown>(items.map(identity));
  for (let i = HEAD; i < list.length && seen.size < HEAD + DISTINCT_TAIL; i++) {
    const key = identity(list[i]);
    if (seen.has(key)) continue;
    seen.add(key);
    items.push(list[i]);
    origin.push(i);
  }
  return { items, origin };
}

/** Primitives by value; any other value by its kind, which is all an error message says of it. */
function identity(value: unknown): unknown {
  if (value === null || typeof value !== "object") return typeof value === "function" ? "function" : value;
  return Array.isArray(value) ? "[array]" : "[table]";
}

/** A copy of `root` with the value at `path` replaced; the tables on the path are copied, nothing else. */
function write(root: unknown, path: readonly string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [key, ...rest] = path;
  const table = copyTable(root);
  table[key] = write(table[key], rest, value);
  return table;
}

/** An error inside a shortened list, at the index the element has in the original list. */
function restorePath(error: AjvError, origins: Map<string, number[]>): AjvError {
  for (const [list, origin] of origins) {
    const path = error.instancePath;
    if (path === list || !isWithin(path, list)) continue;
    const [index, ...rest] = path.slice(list.length + 1).split("/");
    return { ...error, instancePath: [childPointer(list, origin[Number(index)]), ...rest].join("/") };
  }
  return error;
}
