import type { Position } from "../text/parse/position";
import { childPointer } from "../util/pointer";
import { hasOwn, isTable } from "../util/tables";
import type { ConfigView } from "./config-view";

/** The pointer to a file's `extends`. */
export const EXTENDS = childPointer("", "extends");

/** An `extends` entry: where it stands, the file it resolves to, or why it cannot be followed. */
export interface BaseEntry {
  at: Position;
  real?: string;
  problem?: string;
}

/**
 * The entries of `file`'s `extends` at `pointer` (`/extends`: all of them; `/extends/1`: that
 * one), each resolved as the loader resolved it.
 */
export function basesAt(view: ConfigView, file: string, pointer: string): BaseEntry[] {
  const loaded = view.files.get(file);
  const document = loaded?.document;
  if (loaded === undefined || document === undefined) return [];
  const list = isTable(document.value) && hasOwn(document.value, "extends") ? document.value.extends : undefined;
  const pointers = pointer === EXTENDS && Array.isArray(list) ? list.map((_, i) => childPointer(EXTENDS, i)) : [pointer];
  return pointers.flatMap((entry) => {
    const at = document.positions.get(entry);
    if (at === undefined) return [];
    const base = loaded.bases.find((candidate) => candidate.at !== undefined && samePlace(candidate.at, at));
    return [{ at, ...(base ? { real: base.real } : { problem: problemAt(view, at) }) }];
  });
}

/** What the loader said at an entry it could not follow. */
function problemAt(view: ConfigView, at: Position): string {
  const { report } = view;
  if (report.status === "unreadable") return report.problem.at && samePlace(report.problem.at, at) ? report.problem.message : "not read: the loader stopped before it";
  const refusal = report.errors.find((located) => samePlace(located.at, at));
  return refusal?.issue.message ?? "not read: the loader stopped before it";
}

function samePlace(a: Position, b: Position): boolean {
  return a.line === b.line && a.column === b.column && (a.file === undefined || b.file === undefined || a.file === b.file);
}
