import type { FileProblem } from "../files/file-problem";
import type { Located } from "../text/located";
import type { FileReport } from "./file-report";
import type { Output } from "./io";

/** `FILE:LINE:COL: error: MESSAGE`, the form compilers use and editors jump to. */
function line(file: string, at: { line: number; column: number } | undefined, severity: string, message: string): string {
  return `${at ? `${file}:${at.line}:${at.column}` : file}: ${severity}: ${message}\n`;
}

function issueLine(report: FileReport, { issue, at }: Located, severity: "error" | "warning"): string {
  return line(at.file ?? report.file, at, severity, issue.message);
}

export function problemLine(problem: FileProblem): string {
  return line(problem.at?.file ?? problem.file, problem.at, "error", problem.message);
}

/** One line per issue on stdout, one per file that could not be checked on stderr, then a summary. */
export function writeText(reports: FileReport[], output: Output): void {
  const count = { valid: 0, invalid: 0, unreadable: 0, errors: 0, warnings: 0 };
  for (const report of reports) {
    count[report.status]++;
    if (report.status === "unreadable") {
      output.err(problemLine(report.problem));
      continue;
    }
    for (const error of report.errors) output.out(issueLine(report, error, "error"));
    for (const warning of report.warnings) output.out(issueLine(report, warning, "warning"));
    count.errors += report.errors.length;
    count.warnings += report.warnings.length;
  }
  const parts = [`${count.valid} valid`, `${count.invalid} invalid`];
  if (count.unreadable > 0) parts.push(`${count.unreadable} not checked`);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  output.out(
    `${plural(reports.length, "file")} checked: ${parts.join(", ")} (${plural(count.errors, "error")}, ${plural(count.warnings, "warning")})\n`,
  );
}
