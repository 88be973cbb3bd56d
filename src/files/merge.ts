import { copyTable, isTable } from "../tables";
import type { ConfigDocument } from "../text/document";
import { childPointer, parentPointer } from "../text/pointer";

/**
 * `top` laid over `base`: tables merge key by key, all the way down; any other value of
 * `top` replaces the base's. Each part keeps the position of the file that set it.
 * Neither document is changed.
 */
export function mergeDocuments(base: ConfigDocument, top: ConfigDocument): ConfigDocument {
  const replaced = new Set<string>();
  const value = mergeValue(base.value, top.value, "", replaced);
  const kept = <T>(map: Map<string, T>) => new Map([...map].filter(([pointer]) => !under(pointer, replaced)));
  return {
    value,
    positions: new Map([...kept(base.positions), ...top.positions]),
    duplicates: [...base.duplicates, ...top.duplicates],
  };
}

function mergeValue(base: unknown, top: unknown, pointer: string, replaced: Set<string>): unknown {
  if (!isTable(base) || !isTable(top)) {
    replaced.add(pointer);
    return top;
  }
  const out = copyTable(base);
  const set = (key: string, value: unknown) =>
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  for (const key of Object.keys(top)) {
    const at = childPointer(pointer, key);
    set(key, Object.prototype.hasOwnProperty.call(base, key) ? mergeValue(base[key], top[key], at, replaced) : top[key]);
  }
  return out;
}

/** Whether `pointer` is one of `roots` or lies below one. */
function under(pointer: string, roots: Set<string>): boolean {
  if (roots.size === 0) return false;
  for (let at = pointer; ; at = parentPointer(at)) {
    if (roots.has(at)) return true;
    if (at === "") return false;
  }
}
