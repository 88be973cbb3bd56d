import type { FileProblem } from "../files/file-problem";
import { escapeControls } from "../report/escape-controls";
import type { Located } from "../text/located";
import type { FileReport } from "./file-report";
import type { Output } from "./io";

/**
 * `FILE:LINE:COL: error: MESSAGE`, the form compilers use and editors jump to. Names and
 * values come from the files: their control characters are escaped, so that a config can
 * neither break the line nor send a terminal or a CI log escape sequences.
 */
function line(file: string, at: { line: number; column: number } | undefined, severity: string, message: string): string {
  return `${escapeControls(at ? `${file}:${at.line}:${at.column}` : file)}: ${severity}: ${escapeControls(message)}\n`;
}

type Severity = "error" | "warning";

function issueLine(report: FileReport, { issue, at }: Located, severity: Severity): string {
  return line(at.file ?? report.file, at, severity, issue.message);
}

export function problemLine(problem: FileProblem): string {
  return line(problem.at?.file ?? problem.file, problem.at, "error", problem.message);
}

/** A file's issues in reading order: by file, then line and column, whatever their severity. */
function byPlace(report: Extract<FileReport, { errors: Located[] }>): { located: Located; severity: Severity }[] {
  const file = (located: Located) => located.at.file ?? report.file;
  return [
    ...report.errors.map((located) => ({ located, severity: "error" as const })),
    ...report.warnings.map((located) => ({ located, severity: "warning" as const })),
  ].sort(({ located: a }, { located: b }) => {
    if (file(a) !== file(b)) return file(a) < file(b) ? -1 : 1;
    return a.at.line - b.at.line || a.at.column - b.at.column;
  });
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** One line per issue on stdout, one per file that could not be checked on stderr, then a summary. */
export function writeText(reports: FileReport[], output: Output): void {
  const count = { valid: 0, invalid: 0, unreadable: 0, errors: 0, warnings: 0 };
  for (const report of reports) {
    count[report.status]++;
    if (report.status === "unreadable") {
      output.err(problemLine(report.problem));
      continue;
    }
    for (const { located, severity } of byPlace(report)) output.out(issueLine(report, located, severity));
    count.errors += report.errors.length;
    count.warnings += report.warnings.length;
  }
  const checked = count.valid + count.invalid;
  // A config merged from several files (`--config`) is counted as one config of those files.
  const merged = reports.some((report) => report.files > 1);
  const unit = merged ? "config" : "file";
  const checkedFiles = reports.reduce((sum, report) => sum + (report.status === "unreadable" ? 0 : report.files), 0);
  const notChecked = count.unreadable > 0 ? `; ${plural(count.unreadable, unit)} not checked` : "";
  output.out(
    `${plural(checked, unit)}${merged ? ` (${plural(checkedFiles, "file")})` : ""} checked: ${count.valid} valid, ${count.invalid} invalid ` +
      `(${plural(count.errors, "error")}, ${plural(count.warnings, "warning")})${notChecked}\n`,
  );
}
