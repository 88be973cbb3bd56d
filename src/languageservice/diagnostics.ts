import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from "vscode-languageserver-types";
import type { FileProblem } from "../files/file-problem";
import { issueRange } from "../report/issue-range";
import type { Located } from "../text/located";
import type { Position } from "../text/parse/position";
import { issuesOf, realOf, viewsReaching, type ConfigView } from "./config-view";
import { lspRange, nameFrom, placeName, stretchAt, type UriOf } from "./places";

/** Who speaks in an editor's list of problems. */
export const SOURCE = "burn-dragon-schema";

/** The `code` of the diagnostic that is the error the trainer reports: the one it stops at. */
export const FIRST_ERROR = "first-error";

/** An issue as placed in one file: the diagnostic, and the issue and view it comes from (for its fix). */
export interface PlacedIssue {
  diagnostic: Diagnostic;
  located: Located;
  view: ConfigView;
}

/**
 * What an editor shows on `file`: the trainer's verdict on the config it heads, each issue in
 * the file that set the value (an issue set in a base is shown at the `extends` entry that
 * brings the base in, with the base's place as related information); and, from every other
 * open config that extends it, the issues set in `file` itself. A file that is not a config and
 * that no open config reaches gets nothing.
 */
export function diagnosticsOf(file: string, views: ReadonlyMap<string, ConfigView>, uriOf: UriOf): Diagnostic[] {
  return placedIssues(file, views, uriOf).map((placed) => placed.diagnostic);
}

/** `diagnosticsOf`, each with the issue it shows. */
export function placedIssues(file: string, views: ReadonlyMap<string, ConfigView>, uriOf: UriOf): PlacedIssue[] {
  const own = views.get(file);
  const placed = own?.isConfig ? headIssues(own, uriOf) : [];
  // An issue another config shares with the file's own is shown once, as the file's own.
  const key = ({ diagnostic, located }: PlacedIssue) => JSON.stringify([diagnostic.range, located.issue.message, diagnostic.severity]);
  const seen = new Set(placed.map(key));
  for (const view of viewsReaching(file, views)) {
    for (const issue of issuesSetIn(view, file, uriOf)) {
      if (seen.has(key(issue))) continue;
      seen.add(key(issue));
      placed.push(issue);
    }
  }
  return placed;
}

/** The verdict on a head's config, on the head. */
function headIssues(view: ConfigView, uriOf: UriOf): PlacedIssue[] {
  const { report } = view;
  if (report.status === "unreadable") return placeOnHead(view, problemIssue(report.problem), "error", false, uriOf);
  return issuesOf(view).flatMap(({ located, severity, first }) => placeOnHead(view, located, severity, first, uriOf));
}

/** An issue on the head: where it was set, if that is the head; else at each `extends` entry of the head that leads to the file that set it. */
function placeOnHead(view: ConfigView, located: Located, severity: "error" | "warning", first: boolean, uriOf: UriOf): PlacedIssue[] {
  const { head } = view;
  const setIn = realOf(view, located.at.file);
  if (setIn === head || setIn === undefined) {
    const range = setIn === head ? rangeOf(view, located, head) : undefined;
    return [{ diagnostic: diagnostic(located.issue.message, lspRange(range, setIn === head ? located.at : { line: 1, column: 1 }), severity, first), located, view }];
  }
  const base = view.files.get(setIn)!;
  const headFile = view.files.get(head)!;
  const related: DiagnosticRelatedInformation = {
    location: { uri: uriOf(setIn), range: lspRange(rangeOf(view, located, setIn), located.at) },
    message: "set here",
  };
  const message = `${placeName(head, setIn, located.at)}: ${located.issue.message}`;
  const entries: Position[] = base.via.length > 0 ? base.via : [{ line: 1, column: 1 }];
  return entries.map((at) => ({
    diagnostic: { ...diagnostic(message, lspRange(stretchAt(headFile, at), at), severity, first), relatedInformation: [related] },
    located,
    view,
  }));
}

/** The issues of another config set in `file`, one of its bases: said as that config's. */
function issuesSetIn(view: ConfigView, file: string, uriOf: UriOf): PlacedIssue[] {
  const { report, head } = view;
  const entries = issuesOf(view).filter(({ located }) => realOf(view, located.at.file) === file);
  if (report.status === "unreadable") {
    const located = problemIssue(report.problem);
    if (realOf(view, located.at.file) === file) entries.push({ located, severity: "error", first: false });
  }
  const headFile = view.files.get(head);
  return entries.map(({ located, severity, first }) => {
    const via = headFile && view.files.get(file)?.via;
    const related: DiagnosticRelatedInformation[] = (via ?? []).map((at) => ({
      location: { uri: uriOf(head), range: lspRange(stretchAt(headFile!, at), at) },
      message: `extended by ${placeName(file, head, at)}`,
    }));
    const message = `${located.issue.message} (in the config of ${nameFrom(file, head)})`;
    return { diagnostic: { ...diagnostic(message, lspRange(rangeOf(view, located, file), located.at), severity, first), relatedInformation: related }, located, view };
  });
}

/** A file that could not be checked, as an issue of the whole text, where the loader placed it. */
function problemIssue(problem: FileProblem): Located {
  return { issue: { stage: "load", path: "", message: problem.message }, at: { line: 1, column: 1, ...problem.at, file: problem.at?.file ?? problem.file } };
}

/**
 * The stretch of `file` an issue is about, by the spans of the file that set the value (a
 * refused config has no merged document); for one of the whole text (a syntax error, an entry
 * that cannot be followed), the value written at its place.
 */
function rangeOf(view: ConfigView, located: Located, file: string) {
  const loaded = view.files.get(file);
  if (loaded === undefined) return undefined;
  if (located.issue.path === "") return stretchAt(loaded, located.at);
  return issueRange(located, loaded.document?.spans ?? new Map());
}

function diagnostic(message: string, range: Diagnostic["range"], severity: "error" | "warning", first: boolean): Diagnostic {
  return {
    range,
    message,
    severity: severity === "error" ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: SOURCE,
    ...(first ? { code: FIRST_ERROR } : {}),
  };
}
