import { loadConfig } from "../files/extends";
import { removedFastTrain } from "../files/fast-train";
import { FileProblem } from "../files/file-problem";
import { checkDocument, type CheckOptions } from "../text/check";
import type { Located } from "../text/located";

export interface ReportOptions extends CheckOptions {
  /** Resolve `extends` as the trainer does (on unless `--no-extends`). */
  extends: boolean;
}

/**
 * The outcome for one config: a file named on the command line, or the files of `--config`
 * merged left to right (`file` then names them all, joined by ` + `).
 */
export type FileReport =
  | { file: string; status: "valid" | "invalid"; errors: Located[]; warnings: Located[] }
  | { file: string; status: "unreadable"; problem: FileProblem };

/** The files of one config, checked as the trainer loads and checks them. */
export function reportConfig(files: readonly string[], options: ReportOptions): FileReport {
  const file = files.join(" + ");
  try {
    const document = loadConfig(files, { followExtends: options.extends });
    const refused = options.extends ? removedFastTrain(document) : undefined;
    const check = checkDocument(document, options);
    // The loader refuses the merged files before serde or validate() see them.
    const errors = refused ? [refused] : check.errors;
    return { file, status: errors.length === 0 ? "valid" : "invalid", errors, warnings: check.warnings };
  } catch (error) {
    if (error instanceof FileProblem) return { file, status: "unreadable", problem: error };
    const reason = error instanceof RangeError ? "it is nested too deeply" : error instanceof Error ? error.message : String(error);
    return { file, status: "unreadable", problem: new FileProblem(file, `cannot check: ${reason}`) };
  }
}
