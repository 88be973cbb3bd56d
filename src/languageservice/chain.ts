import type { Position } from "../text/parse/position";
import { valueAt } from "../util/pointer";
import { realOf, type ConfigView } from "./config-view";

/** Where a file of a config sets a value, and what it sets there. */
export interface Setting {
  file: string;
  at: Position;
  value: unknown;
}

/**
 * The files of a config in the order the loader lays them over each other: each file's bases,
 * in order and each with its own bases first, then the file itself. A base met twice counts
 * where it was last laid.
 */
export function mergeOrder(view: ConfigView): string[] {
  const order: string[] = [];
  const onChain = new Set<string>();
  const visit = (real: string) => {
    const file = view.files.get(real);
    if (file === undefined || onChain.has(real)) return;
    onChain.add(real);
    for (const base of file.bases) visit(base.real);
    onChain.delete(real);
    const seen = order.indexOf(real);
    if (seen >= 0) order.splice(seen, 1);
    order.push(real);
  };
  visit(view.head);
  return order;
}

/** Every file of the config that writes `pointer` itself, the one that wins first. */
export function settingsOf(view: ConfigView, pointer: string): Setting[] {
  return mergeOrder(view)
    .reverse()
    .flatMap((real) => {
      const document = view.files.get(real)?.document;
      const at = document?.positions.get(pointer);
      return document && at ? [{ file: real, at, value: valueAt(document.value, pointer) }] : [];
    });
}

/** Where the merged config's value at `pointer` was set, by real path. */
export function setterOf(view: ConfigView, pointer: string): Setting | undefined {
  const document = view.report.status === "unreadable" ? undefined : view.report.document;
  const at = document?.positions.get(pointer);
  const file = realOf(view, at?.file);
  return document && at && file ? { file, at, value: valueAt(document.value, pointer) } : undefined;
}
