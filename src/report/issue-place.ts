import type { LoadedFile } from "../files/extends";
import type { ConfigDocument, Range } from "../text/config-document";
import type { Position } from "../text/parse/position";
import type { Located } from "../text/located";
import { issueRange } from "./issue-range";

/** The file of a config read under the name its positions give it. */
export function loadedAs(file: string, loaded: ReadonlyMap<string, LoadedFile> | undefined): LoadedFile | undefined {
  if (loaded) for (const each of loaded.values()) if (each.shown === file) return each;
  return undefined;
}

/**
 * The stretch of `file`, the file that set the value, an issue is about: by that file's own
 * spans where the loader read it (a refused config has no merged document), else by the merged
 * config's; none where the stretch found lies in another file.
 */
export function issueStretch(located: Located, file: string, loaded: ReadonlyMap<string, LoadedFile> | undefined, spans: ConfigDocument["spans"] | undefined): Range | undefined {
  const range = issueRange(located, loadedAs(file, loaded)?.document?.spans ?? spans ?? new Map());
  return range && (range.start.file === undefined || range.start.file === file) ? range : undefined;
}

/** The `extends` entries of a config's own files that lead to `file`, a base of it: none for a file given. */
export function extendsEntriesTo(file: string, loaded: ReadonlyMap<string, LoadedFile> | undefined): Position[] {
  return loadedAs(file, loaded)?.via ?? [];
}
