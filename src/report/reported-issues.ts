import type { Located } from "../text/located";
import type { ConfigReport } from "./config-report";
import { loadedAs } from "./issue-place";

export type Severity = "error" | "warning";

/** A config's report, with the name it is reported under (a file, or the files of `--config` joined). */
export type NamedReport = { file: string } & ConfigReport;

/**
 * An issue as the reports show it: once, however many of the configs checked bring in the
 * file it stands in.
 */
export interface ReportedIssue {
  located: Located;
  severity: Severity;
  /** The file it stands in. */
  file: string;
  /** The configs checked that bring it in from a base, by the names they are reported under. */
  via: string[];
  /** The configs whose trainer stops at it: it is their `errors[0]`. */
  firstFor: string[];
  /** The first report that holds it: where its file's text and spans are found. */
  report: Exclude<NamedReport, { status: "unreadable" }>;
}

/**
 * The issues of all `reports`, each once, in reading order (by file, then line and column):
 * an issue in a base that several configs share is the same issue in each of their reports,
 * told by its file, place, path and message.
 */
export function reportedIssues(reports: readonly NamedReport[]): ReportedIssue[] {
  const byKey = new Map<string, ReportedIssue>();
  for (const report of reports) {
    if (report.status === "unreadable") continue;
    const add = (located: Located, severity: Severity, first: boolean) => {
      const file = located.at.file ?? report.file;
      const key = JSON.stringify([file, located.at.line, located.at.column, severity, located.issue.path, located.issue.message]);
      let reported = byKey.get(key);
      if (!reported) byKey.set(key, (reported = { located, severity, file, via: [], firstFor: [], report }));
      if (isBase(report, file) && !reported.via.includes(report.file)) reported.via.push(report.file);
      if (first) reported.firstFor.push(report.file);
    };
    report.errors.forEach((located, i) => add(located, "error", i === 0));
    for (const located of report.warnings) add(located, "warning", false);
  }
  return [...byKey.values()].sort(inReadingOrder);
}

/** Whether `file` is one of the bases a config brings in, not one of the files it was named by. */
function isBase(report: Exclude<NamedReport, { status: "unreadable" }>, file: string): boolean {
  if (file === report.file) return false;
  const loaded = loadedAs(file, report.loaded);
  return loaded === undefined || loaded.via.length > 0;
}

function inReadingOrder(a: ReportedIssue, b: ReportedIssue): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.located.at.line - b.located.at.line || a.located.at.column - b.located.at.column;
}
