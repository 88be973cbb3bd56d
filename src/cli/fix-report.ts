import { linkTarget } from "../files/write-text";
import type { FileFixes } from "../report/config-fixes";
import type { Output } from "./io";

/** What `--fix` did, on stderr before the report: `FILE:LINE:COL: fixed: TITLE`, one line per fix, in each file's order. */
export function writeFixed(files: readonly FileFixes[], output: Output): void {
  const lines = files.flatMap(({ shown, applied }) => applied.map(({ range, title }) => `${shown}:${range.start.line}:${range.start.column}: fixed: ${title}\n`));
  output.err(lines.join(""));
}

/** For each file reached through a symbolic link, that its fixes go to the file the link names. */
export function writeLinks(files: readonly FileFixes[], output: Output, dryRun: boolean): void {
  for (const { shown, real } of files) {
    const target = linkTarget(shown, real);
    if (target !== undefined) output.err(`${dryRun ? "would write" : "writing"} through symbolic link ${shown} -> ${target}\n`);
  }
}
