import { createTwoFilesPatch, FILE_HEADERS_ONLY } from "diff";

/**
 * A file's change as a unified diff, `--- a/FILE` and `+++ b/FILE` then hunks with three lines
 * of context, which `patch -p1` and `git apply` take. Loaded only by `--dry-run`: a plain run
 * never reads the diff library.
 */
export function unifiedDiff(shown: string, before: string, after: string): string {
  return createTwoFilesPatch(`a/${shown}`, `b/${shown}`, before, after, undefined, undefined, { context: 3, headerOptions: FILE_HEADERS_ONLY });
}
