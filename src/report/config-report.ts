import { loadConfig, type LoadedFile } from "../files/extends";
import { removedFastTrain } from "../files/fast-train";
import { FileProblem } from "../files/file-problem";
import { RefusedConfig } from "../files/refused-config";
import type { TextSource } from "../files/text-source";
import { checkDocument, type CheckOptions } from "../text/document-check";
import type { ConfigDocument } from "../text/config-document";
import type { ConfigFormat } from "../text/read-document";
import type { Located } from "../text/located";

export interface ConfigReportOptions extends CheckOptions {
  /** Resolve `extends` as the trainer does. */
  extends: boolean;
  /** The syntax of a given file whose extension does not tell. */
  syntax?: ConfigFormat;
  /** Texts to take before the disk: an editor's open buffers. */
  source?: TextSource;
}

/** The trainer's verdict on one config, with what it was read from. */
export type ConfigReport =
  | {
      status: "valid" | "invalid";
      /** In the order the trainer reports them: `errors[0]` is the one it stops at. */
      errors: Located[];
      warnings: Located[];
      /** The files the config is made of, with their texts and their own documents. */
      loaded?: Map<string, LoadedFile>;
      /** The merged config, where the loader got as far (not for a config it refuses). */
      document?: ConfigDocument;
    }
  | { status: "unreadable"; problem: FileProblem };

/**
 * The files of one config, merged left to right, loaded and checked as the trainer loads and
 * checks them: what the command line reports, and what an editor shows.
 */
export function checkConfig(files: readonly string[], options: ConfigReportOptions): ConfigReport {
  try {
    const loaded = loadConfig(files, { followExtends: options.extends, syntax: options.syntax, source: options.source });
    return checkLoaded(loaded.document, loaded.files, options);
  } catch (error) {
    if (error instanceof RefusedConfig) return { status: "invalid", errors: [error.located], warnings: [], loaded: error.files };
    return { status: "unreadable", problem: problemOf(error, files.join(" + ")) };
  }
}

/** The verdict on a merged document: the loader's last refusal, else serde's and `validate()`'s. */
export function checkLoaded(document: ConfigDocument, loaded: Map<string, LoadedFile> | undefined, options: ConfigReportOptions): ConfigReport {
  const refused = options.extends ? removedFastTrain(document) : undefined;
  const check = checkDocument(document, options);
  // The loader refuses the merged files before serde or validate() see them.
  const errors = refused ? [refused] : check.errors;
  return { status: errors.length === 0 ? "valid" : "invalid", errors, warnings: check.warnings, loaded, document };
}

/** Whatever stopped a check, as a file that could not be checked: never a stack trace. */
export function problemOf(error: unknown, file: string): FileProblem {
  if (error instanceof FileProblem) return error;
  const reason = error instanceof RangeError ? "it is nested too deeply" : error instanceof Error ? error.message : String(error);
  return new FileProblem(file, `cannot check: ${reason}`);
}
