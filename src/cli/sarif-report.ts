import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { escapeControls } from "../report/escape";
import { issueKinds, UNREADABLE_KIND, type IssueKind } from "../report/issue-kind";
import type { Position } from "../text/parse/position";
import { ciIssues, endFrom, namesAFile, problemPlace, type Place } from "./ci-issues";
import type { FileReport } from "./file-report";
import type { Output } from "./io";
import { packageLinks, packageVersion } from "./package-data";

/** The folder relative file names are read from, as SARIF names it. */
const SRCROOT = "%SRCROOT%";

const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

/** A file as SARIF locates it: relative to `%SRCROOT%` (the current folder) where it lies inside it, else by its absolute URI. */
function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const absolute = path.resolve(cwd, file);
  const relative = path.relative(cwd, absolute);
  if (relative === "" || relative.startsWith("..") || path.isAbsolute(relative)) return { uri: pathToFileURL(absolute).href };
  return { uri: relative.split(path.sep).map(encodeURIComponent).join("/"), uriBaseId: SRCROOT };
}

function region(at: Position | undefined, end?: Position) {
  if (at === undefined) return undefined;
  return { startLine: at.line, startColumn: at.column, ...(end ? { endLine: end.line, endColumn: end.column } : {}) };
}

function physicalLocation(place: Place, cwd: string, end?: Position) {
  const where = region(place.at, end);
  return { artifactLocation: artifactLocation(place.file, cwd), ...(where ? { region: where } : {}) };
}

function rule(kind: IssueKind, fileUri: (file: string) => string) {
  return {
    id: kind.id,
    shortDescription: { text: kind.description },
    helpUri: fileUri(kind.help.page) + (kind.help.anchor ? `#${kind.help.anchor}` : ""),
    defaultConfiguration: { level: kind.severity },
  };
}

/**
 * One SARIF 2.1.0 log on stdout, for code scanning: a rule per kind of issue, and a result per
 * issue of the run (an issue of a base shared by several configs once, with the `extends`
 * entries that bring it in as related locations) and per file that could not be checked. The
 * error the trainer reports for a config has the property `trainerError`, naming those configs.
 */
export function writeSarif(reports: FileReport[], output: Output, cwd: string = process.cwd()): void {
  const links = packageLinks();
  const version = packageVersion();
  const kinds = issueKinds();
  const ruleIndex = new Map(kinds.map((kind, i) => [kind.id, i]));
  const located = (place: Place, end?: Position) => (namesAFile(place.file, reports) ? [{ physicalLocation: physicalLocation(place, cwd, end) }] : []);
  const results = ciIssues(reports).map((issue) => {
    const related = issue.broughtInBy.filter((place) => namesAFile(place.file, reports));
    return {
      ruleId: issue.kind.id,
      ruleIndex: ruleIndex.get(issue.kind.id),
      level: issue.severity,
      message: { text: issue.text },
      locations: located({ file: issue.file, at: issue.located.at }, endFrom(issue.located.at, issue.range)),
      ...(related.length > 0
        ? { relatedLocations: related.map((place, id) => ({ id, physicalLocation: physicalLocation(place, cwd), message: { text: `brings in ${escapeControls(issue.file)}` } })) }
        : {}),
      ...(issue.firstFor.length > 0 ? { properties: { trainerError: issue.firstFor } } : {}),
    };
  });
  for (const report of reports) {
    if (report.status !== "unreadable") continue;
    results.push({
      ruleId: UNREADABLE_KIND.id,
      ruleIndex: ruleIndex.get(UNREADABLE_KIND.id),
      level: "error",
      message: { text: escapeControls(report.problem.message) },
      locations: located(problemPlace(report)),
    });
  }
  const log = {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "burn-dragon-schema",
            version,
            semanticVersion: version,
            informationUri: links.homepage,
            rules: kinds.map((kind) => rule(kind, links.fileUri)),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: `${pathToFileURL(cwd).href.replace(/\/?$/, "/")}` } },
        columnKind: "utf16CodeUnits",
        results,
      },
    ],
  };
  output.out(`${JSON.stringify(log, null, 2)}\n`);
}
