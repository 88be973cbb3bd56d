import { STDIN } from "../files/load";
import { escapeControls } from "../report/escape";
import { kindOf, type IssueKind } from "../report/issue-kind";
import { extendsEntriesTo, issueStretch } from "../report/issue-place";
import { reportedIssues, type ReportedIssue } from "../report/reported-issues";
import type { Range } from "../text/config-document";
import type { Position } from "../text/parse/position";
import type { FileReport } from "./file-report";

/** A place in a file the report names: a line and column where one is known. */
export interface Place {
  file: string;
  at?: Position;
}

/** An issue of a run as a CI report shows it: once, with its kind, its stretch and the places that bring it in. */
export interface CiIssue extends ReportedIssue {
  kind: IssueKind;
  /** The stretch of `file` it is about, where known: it starts at the value, or the key, that `located.at` begins. */
  range?: Range;
  /** For an issue in a base: the `extends` entries that lead to it in each config that brings it in, or that config where none is known. */
  broughtInBy: Place[];
  /** Its message, the file's control characters escaped, with the configs that bring it in from a base. */
  text: string;
}

/** The issues of all `reports`, each once (see `reportedIssues`), in reading order. */
export function ciIssues(reports: readonly FileReport[]): CiIssue[] {
  const byName = new Map(reports.map((report) => [report.file, report]));
  return reportedIssues(reports).map((reported) => {
    // A config that holds it: one that brings it in from a base, else the file that is the config.
    const report = byName.get(reported.via[0] ?? reported.file);
    const loaded = report && report.status !== "unreadable" ? report : undefined;
    const broughtInBy = reported.via.flatMap((name): Place[] => {
      const config = byName.get(name);
      const entries = config && config.status !== "unreadable" ? extendsEntriesTo(reported.file, config.loaded) : [];
      return entries.length > 0 ? entries.map((at) => ({ file: at.file ?? name, at })) : [{ file: name }];
    });
    return {
      ...reported,
      kind: kindOf(reported.located),
      range: loaded && issueStretch(reported.located, reported.file, loaded.loaded, loaded.document?.spans),
      broughtInBy,
      text: escapeControls(reported.located.issue.message) + (reported.via.length > 0 ? ` (via ${reported.via.map(escapeControls).join(", ")})` : ""),
    };
  });
}

/** The place of a file that could not be checked: where the loader placed the problem, else the file. */
export function problemPlace(report: Extract<FileReport, { status: "unreadable" }>): Place {
  const { problem } = report;
  return { file: problem.at?.file ?? problem.file, at: problem.at };
}

/** Whether a name the report gives is a file's: not standard input, nor the files of `--config` joined. */
export function namesAFile(name: string, reports: readonly FileReport[]): boolean {
  return name !== STDIN && !reports.some((report) => report.files > 1 && report.file === name);
}

/** The end of a stretch that starts at or after `at`, for a region from `at`: none where it would end before it. */
export function endFrom(at: Position, range: Range | undefined): Position | undefined {
  if (range === undefined) return undefined;
  const { end } = range;
  return end.line > at.line || (end.line === at.line && end.column > at.column) ? end : undefined;
}
