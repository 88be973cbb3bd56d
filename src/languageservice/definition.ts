import type { Location } from "vscode-languageserver-types";
import type { Position } from "../text/parse/position";
import { isWithin } from "../util/pointer";
import { keyAt } from "./at-cursor";
import { setterOf } from "./chain";
import { viewsReaching, type ConfigView } from "./config-view";
import { basesAt, EXTENDS } from "./extends-entries";
import { keyStretch, lspRange, type UriOf } from "./places";

/**
 * Where the thing under the cursor is defined: for an `extends` entry, the base it resolves to;
 * for a key, the place in the config's files that set the merged value there.
 */
export function definitionAt(file: string, at: Position, views: ReadonlyMap<string, ConfigView>, uriOf: UriOf): Location[] {
  const view = views.get(file);
  const loaded = view?.files.get(file);
  const cursor = loaded && keyAt(loaded, at);
  if (view === undefined || cursor === undefined || !(view.isConfig || viewsReaching(file, views).length > 0)) return [];
  if (isWithin(cursor.pointer, EXTENDS)) {
    const start = { line: 0, character: 0 };
    return basesAt(view, file, cursor.pointer).flatMap((base) => (base.real ? [{ uri: uriOf(base.real), range: { start, end: start } }] : []));
  }
  const setter = setterOf(view, cursor.pointer);
  const setIn = setter && view.files.get(setter.file);
  if (setter === undefined || setIn === undefined) return [];
  return [{ uri: uriOf(setter.file), range: lspRange(keyStretch(setIn, setter.at), setter.at) }];
}
