import { escapeControls } from "../report/escape";
import type { Position } from "../text/parse/position";
import { ciIssues, endFrom, namesAFile, problemPlace, type CiIssue } from "./ci-issues";
import type { FileReport } from "./file-report";
import type { Output } from "./io";

const TOOL = "burn-dragon-schema";

/** A workflow command's message, as GitHub reads it back: `%`, CR and LF escaped. */
export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** A workflow command's property value: its message's escapes, and `:` and `,`, which end a property. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

type Properties = Record<string, string | number | undefined>;

/** `::error file=…,line=…::message`: one annotation; the file's control characters escaped, then GitHub's escapes. */
function command(severity: "error" | "warning", properties: Properties, message: string): string {
  const set = Object.entries(properties).flatMap(([name, value]) => (value === undefined ? [] : [`${name}=${escapeProperty(escapeControls(String(value)))}`]));
  return `::${severity} ${set.join(",")}::${escapeData(escapeControls(message))}\n`;
}

function placeProperties(file: string | undefined, at: Position | undefined, end?: Position): Properties {
  return { file, line: at?.line, col: at?.column, endLine: end?.line, endColumn: end?.column };
}

/** The title names the kind of issue, and says where the trainer stops: at the first error of a config. */
function title(issue: CiIssue): string {
  if (issue.firstFor.length === 0) return `${TOOL} ${issue.kind.id}`;
  const own = issue.firstFor.length === 1 && issue.firstFor[0] === issue.file;
  return `${TOOL} ${issue.kind.id}: the error the trainer reports${own ? "" : ` for ${issue.firstFor.join(", ")}`}`;
}

/**
 * GitHub Actions workflow commands on stdout, which the runner turns into annotations on the
 * files: one per issue of the run, an issue of a base shared by several configs once; one per
 * file that could not be checked; then a summary line, which the log shows as it is.
 */
export function writeGithub(reports: FileReport[], output: Output): void {
  const issues = ciIssues(reports);
  for (const issue of issues) {
    const { at } = issue.located;
    const file = namesAFile(issue.file, reports) ? issue.file : undefined;
    output.out(command(issue.severity, { ...placeProperties(file, at, endFrom(at, issue.range)), title: title(issue) }, issue.text));
  }
  const unreadable = reports.filter((report) => report.status === "unreadable");
  for (const report of unreadable) {
    const place = problemPlace(report);
    const file = namesAFile(place.file, reports) ? place.file : undefined;
    output.out(command("error", { ...placeProperties(file, place.at), title: `${TOOL}: not checked` }, report.problem.message));
  }
  const count = (severity: CiIssue["severity"]) => issues.filter((issue) => issue.severity === severity).length;
  const invalid = reports.filter((report) => report.status === "invalid").length;
  output.out(
    `${TOOL}: configs checked: ${reports.length - unreadable.length}, invalid: ${invalid}, not checked: ${unreadable.length}; ` +
      `annotated once each: errors: ${count("error")}, warnings: ${count("warning")}\n`,
  );
}
