import * as fs from "node:fs";
import * as path from "node:path";
import { FileProblem } from "./file-problem";
import { readText, reasonOf } from "./read-text";

/**
 * Writes `after` over the file at `real` (a real path, symbolic links resolved) in place, so
 * that its mode, owner and hard links stay as they were, where the file still holds `before`,
 * the text its fixes were made on; a file changed since it was read is left alone. Throws
 * `FileProblem` (named as `shown`) where it is not written.
 */
export function writeFixedText(real: string, shown: string, before: string, after: string): void {
  if (readText(real, shown) !== before) throw new FileProblem(shown, "not fixed: it changed since it was read");
  try {
    fs.writeFileSync(real, after);
  } catch (error) {
    throw new FileProblem(shown, `cannot write: ${reasonOf(error)}`);
  }
}

/**
 * Where a file shown as `shown` (relative to the current folder, or absolute) is reached through
 * a symbolic link, the real file it stands for, named from the current folder where it is
 * inside it; `undefined` for a file reached without one.
 */
export function linkTarget(shown: string, real: string): string | undefined {
  const here = fs.realpathSync(".");
  if (path.resolve(here, shown) === real) return undefined;
  const relative = path.relative(here, real);
  return relative.startsWith("..") || path.isAbsolute(relative) ? real : relative;
}
