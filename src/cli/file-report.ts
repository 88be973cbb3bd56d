import { FileProblem } from "../files/file-problem";
import { RefusedConfig } from "../files/refused-config";
import { loadStdin, STDIN } from "../files/load";
import { checkConfig, checkLoaded, problemOf, type ConfigReport, type ConfigReportOptions } from "../report/config-report";
import { childPointer } from "../util/pointer";

/** `source`: texts to check before the disk's (what `--fix --dry-run` would write); standard input takes none. */
type ReportOptions = ConfigReportOptions;

/** The file name that reads standard input. */
export const STDIN_ARGUMENT = "-";

/**
 * The outcome for one config: a file named on the command line, or the `files` of `--config`
 * merged left to right (`file` then names them all, joined by ` + `).
 */
export type FileReport = { file: string; files: number } & ConfigReport;

/** The files of one config, checked as the trainer loads and checks them. */
export function reportConfig(files: readonly string[], options: ReportOptions): FileReport {
  const stdin = files.length === 1 && files[0] === STDIN_ARGUMENT;
  const file = stdin ? STDIN : files.join(" + ");
  const report = stdin ? stdinReport(options) : checkConfig(files, options);
  if (report.status === "unreadable") return { file, files: files.length, ...report };
  // A config without issues has nothing to show from its files: a run over many files keeps
  // only what its report shows, and its collector has that much less to copy.
  if (report.errors.length === 0 && report.warnings.length === 0) return { file, files: files.length, status: report.status, errors: [], warnings: [] };
  return { file, files: files.length, ...report };
}

function stdinReport(options: ReportOptions): ConfigReport {
  try {
    const stdin = stdinFile(options);
    return checkLoaded(stdin.document, new Map([[STDIN, stdin]]), options);
  } catch (error) {
    if (error instanceof RefusedConfig) return { status: "invalid", errors: [error.located], warnings: [], loaded: error.files };
    return { status: "unreadable", problem: problemOf(error, STDIN) };
  }
}

/** Standard input, in the syntax `--syntax` names; its `extends`, having no folder to start from, is refused. */
function stdinFile(options: ReportOptions): ReturnType<typeof loadStdin> {
  if (!options.syntax) throw new FileProblem(STDIN, "cannot check: name the syntax of standard input with --syntax toml|json|yaml");
  const stdin = loadStdin(options.syntax);
  const at = stdin.document.positions.get(childPointer("", "extends"));
  if (options.extends && at) {
    throw new FileProblem(STDIN, "cannot follow extends from standard input, which has no folder for its paths: name the file, or pass --no-extends", at);
  }
  return stdin;
}
