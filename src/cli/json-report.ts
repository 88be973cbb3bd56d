import type { Located } from "../text/located";
import type { FileReport } from "./file-report";
import type { Output } from "./io";

function issue(report: FileReport, { issue, at }: Located) {
  return { file: at.file ?? report.file, line: at.line, column: at.column, ...issue };
}

/** One JSON document on stdout, for machines: every file's status and every issue. */
export function writeJson(reports: FileReport[], output: Output): void {
  const files = reports.map((report) =>
    report.status === "unreadable"
      ? {
          file: report.file,
          status: report.status,
          problem: {
            file: report.problem.at?.file ?? report.problem.file,
            line: report.problem.at?.line,
            column: report.problem.at?.column,
            message: report.problem.message,
          },
        }
      : {
          file: report.file,
          status: report.status,
          errors: report.errors.map((error) => issue(report, error)),
          warnings: report.warnings.map((warning) => issue(report, warning)),
        },
  );
  output.out(`${JSON.stringify({ valid: reports.every((r) => r.status === "valid"), files }, null, 2)}\n`);
}
