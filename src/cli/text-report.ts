import type { FileProblem } from "../files/file-problem";
import { headingLine, issueText, PLAIN, reportedIssues, type Style } from "../report";
import type { FileReport } from "./file-report";
import type { Output } from "./io";

export { escapeControls } from "../report";

/** A file that could not be checked, in one line: where the problem stands, and what it is. */
export function problemLine(problem: FileProblem, style: Style = PLAIN): string {
  return `${headingLine(problem.at?.file ?? problem.file, problem.at, "error", problem.message, style)}\n`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * Each issue once on stdout, in reading order, with its code frame and the configs that bring
 * it in; one line per file that could not be checked on stderr; then a summary.
 */
export function writeText(reports: FileReport[], output: Output, style: Style = PLAIN): void {
  const count = { valid: 0, invalid: 0, unreadable: 0, errors: 0, warnings: 0 };
  const problems = new Set<string>();
  for (const report of reports) {
    count[report.status]++;
    if (report.status === "unreadable") problems.add(problemLine(report.problem, style));
  }
  for (const line of problems) output.err(line);
  const issues = reportedIssues(reports);
  const errorsOf = new Map(reports.map((report) => [report.file, report.status === "unreadable" ? 0 : report.errors.length]));
  for (const reported of issues) {
    count[reported.severity === "error" ? "errors" : "warnings"]++;
    // The first of several errors is the one the trainer stops at; a lone error needs no mark.
    const marksFirst = reported.firstFor.some((config) => (errorsOf.get(config) ?? 0) > 1);
    output.out(`${issueText(reported, marksFirst, style).join("\n")}\n`);
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
