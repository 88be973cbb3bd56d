import { FileProblem } from "../files/file-problem";
import { resolveExtends } from "../files/extends";
import { loadDocument } from "../files/load";
import { checkDocument, type CheckOptions } from "../text/check";
import type { Located } from "../text/located";

export interface ValidateOptions extends CheckOptions {
  /** Resolve `extends = [...]` chains (on unless `--no-extends`). */
  extends: boolean;
}

/** The outcome for one file named on the command line. */
export type FileReport =
  | { file: string; status: "valid" | "invalid"; errors: Located[]; warnings: Located[] }
  | { file: string; status: "unreadable"; problem: FileProblem };

export function reportFile(file: string, options: ValidateOptions): FileReport {
  try {
    const document = options.extends ? resolveExtends(file) : loadDocument(file);
    const check = checkDocument(document, options);
    return { file, status: check.valid ? "valid" : "invalid", errors: check.errors, warnings: check.warnings };
  } catch (error) {
    if (error instanceof FileProblem) return { file, status: "unreadable", problem: error };
    const reason = error instanceof RangeError ? "it is nested too deeply" : error instanceof Error ? error.message : String(error);
    return { file, status: "unreadable", problem: new FileProblem(file, `cannot check: ${reason}`) };
  }
}
