import { FileProblem } from "../files/file-problem";
import { RefusedConfig } from "../files/refused-config";
import { loadStdin, STDIN } from "../files/load";
import { checkConfig, checkLoaded, problemOf, type ConfigReport, type ConfigReportOptions } from "../report/config-report";
import type { ConfigDocument } from "../text/config-document";
import { childPointer } from "../util/pointer";

type ReportOptions = Omit<ConfigReportOptions, "source">;

/** The file name that reads standard input. */
export const STDIN_ARGUMENT = "-";

/**
 * The outcome for one config: a file named on the command line, or the `files` of `--config`
 * merged left to right (`file` then names them all, joined by ` + `).
 */
export type FileReport = { file: string; files: number } & (
  | (Extract<ConfigReport, { errors: unknown }> & {
      /** Where each key and value of the merged config stands. */
      spans?: ConfigDocument["spans"];
    })
  | Extract<ConfigReport, { problem: unknown }>
);

/** The files of one config, checked as the trainer loads and checks them. */
export function reportConfig(files: readonly string[], options: ReportOptions): FileReport {
  const stdin = files.length === 1 && files[0] === STDIN_ARGUMENT;
  const file = stdin ? STDIN : files.join(" + ");
  const report = stdin ? stdinReport(options) : checkConfig(files, options);
  return { file, files: files.length, ...report, ...(report.status === "unreadable" ? {} : { spans: report.document?.spans }) };
}

function stdinReport(options: ReportOptions): ConfigReport {
  try {
    return checkLoaded(stdinDocument(options), undefined, options);
  } catch (error) {
    if (error instanceof RefusedConfig) return { status: "invalid", errors: [error.located], warnings: [] };
    return { status: "unreadable", problem: problemOf(error, STDIN) };
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
