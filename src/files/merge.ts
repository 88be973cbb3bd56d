import { copyTable, hasOwn, isTable, setOwn } from "../util/tables";
import type { ConfigDocument } from "../text/config-document";
import { childPointer, parentPointer } from "../util/pointer";

/**
 * `top` laid over `base` as the trainer's `merge_values` does (burn_dragon_language
 * `config/merge.rs`): two tables merge key by key, all the way down, except that a table of
 * `top` with a string `type` replaces the base's table whole when the base's `type` differs,
 * is not a string, or is missing from a base table that has keys; any other value of `top`
 * (arrays included) replaces the base's. Each part keeps the position of the file that set
 * it. Neither document is changed.
 */
export function mergeDocuments(base: ConfigDocument, top: ConfigDocument): ConfigDocument {
  const replaced = new Set<string>();
  const value = mergeValue(base.value, top.value, "", replaced);
  return {
    value,
    positions: overlaid(base.positions, top.positions, replaced),
    duplicates: [...base.duplicates, ...top.duplicates],
    written: overlaid(base.written, top.written, replaced),
    dialect: top.dialect,
    spans: overlaid(base.spans, top.spans, replaced),
  };
}

/** What `top` says of each place, and what `base` says of the places `top` left as they were. */
function overlaid<T>(base: Map<string, T>, top: Map<string, T>, replaced: Set<string>): Map<string, T> {
  const kept = new Map([...base].filter(([pointer]) => !under(pointer, replaced)));
  for (const [pointer, entry] of top) kept.set(pointer, entry);
  return kept;
}

function mergeValue(base: unknown, top: unknown, pointer: string, replaced: Set<string>): unknown {
  if (!isTable(base) || !isTable(top) || typeSwitches(base, top)) {
    replaced.add(pointer);
    return top;
  }
  const out = copyTable(base);
  for (const key of Object.keys(top)) {
    const value = hasOwn(base, key) ? mergeValue(base[key], top[key], childPointer(pointer, key), replaced) : top[key];
    setOwn(out, key, value);
  }
  return out;
}

/** Whether `top` empties `base` before it is merged in: the `type` rule of `merge_values`. */
function typeSwitches(base: Record<string, unknown>, top: Record<string, unknown>): boolean {
  if (!hasOwn(top, "type") || typeof top.type !== "string") return false;
  if (!hasOwn(base, "type")) return Object.keys(base).length > 0;
  return base.type !== top.type;
}

/** Whether `pointer` is one of `roots` or lies below one. */
function under(pointer: string, roots: Set<string>): boolean {
  if (roots.size === 0) return false;
  for (let at = pointer; ; at = parentPointer(at)) {
    if (roots.has(at)) return true;
    if (at === "") return false;
  }
}
