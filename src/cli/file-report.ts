import { loadConfig, type LoadedFile } from "../files/extends";
import { removedFastTrain } from "../files/fast-train";
import { FileProblem } from "../files/file-problem";
import { RefusedConfig } from "../files/refused-config";
import { loadStdin, STDIN } from "../files/load";
import { checkDocument, type CheckOptions } from "../text/document-check";
import type { ConfigFormat } from "../text/read-document";
import type { ConfigDocument } from "../text/config-document";
import type { Located } from "../text/located";
import { childPointer } from "../util/pointer";

interface ReportOptions extends CheckOptions {
  /** Resolve `extends` as the trainer does (on unless `--no-extends`). */
  extends: boolean;
  /** The syntax of standard input and of files whose extension does not tell (`--syntax`). */
  syntax?: ConfigFormat;
}

/** The file name that reads standard input. */
const STDIN_ARGUMENT = "-";

/**
 * The outcome for one config: a file named on the command line, or the `files` of `--config`
 * merged left to right (`file` then names them all, joined by ` + `).
 */
export type FileReport = { file: string; files: number } & (
  | {
      status: "valid" | "invalid";
      /** In the order the trainer reports them: `errors[0]` is the one it stops at. */
      errors: Located[];
      warnings: Located[];
      /** The files the config is made of, with their texts (not for standard input). */
      loaded?: Map<string, LoadedFile>;
      /** Where each key and value of the merged config stands. */
      spans?: ConfigDocument["spans"];
    }
  | { status: "unreadable"; problem: FileProblem }
);

/** The files of one config, checked as the trainer loads and checks them. */
export function reportConfig(files: readonly string[], options: ReportOptions): FileReport {
  const stdin = files.length === 1 && files[0] === STDIN_ARGUMENT;
  const file = stdin ? STDIN : files.join(" + ");
  try {
    const loaded = stdin ? { document: stdinDocument(options), files: undefined } : loadConfig(files, { followExtends: options.extends, syntax: options.syntax });
    const { document } = loaded;
    const refused = options.extends ? removedFastTrain(document) : undefined;
    const check = checkDocument(document, options);
    // The loader refuses the merged files before serde or validate() see them.
    const errors = refused ? [refused] : check.errors;
    return { file, files: files.length, status: errors.length === 0 ? "valid" : "invalid", errors, warnings: check.warnings, loaded: loaded.files, spans: document.spans };
  } catch (error) {
    if (error instanceof RefusedConfig) return { file, files: files.length, status: "invalid", errors: [error.located], warnings: [], loaded: error.files };
    if (error instanceof FileProblem) return { file, files: files.length, status: "unreadable", problem: error };
    const reason = error instanceof RangeError ? "it is nested too deeply" : error instanceof Error ? error.message : String(error);
    return { file, files: files.length, status: "unreadable", problem: new FileProblem(file, `cannot check: ${reason}`) };
  }
}

/** Standard input, in the syntax `--syntax` names; its `extends`, having no folder to start from, is refused. */
function stdinDocument(options: ReportOptions): ConfigDocument {
  if (!options.syntax) throw new FileProblem(STDIN, "cannot check: name the syntax of standard input with --syntax toml|json|yaml");
  const document = loadStdin(options.syntax);
  const at = document.positions.get(childPointer("", "extends"));
  if (options.extends && at) {
    throw new FileProblem(STDIN, "cannot follow extends from standard input, which has no folder for its paths: name the file, or pass --no-extends", at);
  }
  return document;
}
