import type { ConfigDocument } from "../text/config-document";
import type { Located } from "../text/located";
import type { Position } from "../text/parse/position";
import { escapeControls, hasControls } from "./escape";
import { codeFrame } from "./frame";
import { issueRange } from "./issue-range";
import type { ReportedIssue, Severity } from "./reported-issues";
import { PLAIN, type Style } from "./style";

/** What an issue's text is drawn from: the files' texts by the names positions give them, and where values stand. */
export interface IssueSources {
  textOf(file: string): string | undefined;
  spans?: ConfigDocument["spans"];
}

/**
 * `FILE:LINE:COL: error: MESSAGE`, the form compilers use and editors jump to, names and
 * messages with their control characters escaped.
 */
export function headingLine(file: string, at: Position | undefined, severity: Severity, message: string, style: Style = PLAIN): string {
  const place = escapeControls(at ? `${file}:${at.line}:${at.column}` : file);
  return `${style.place(`${place}:`)} ${style[severity](`${severity}:`)} ${escapeControls(message)}`;
}

/**
 * An issue as people read it: its heading line, then, indented, the line of the file it stands
 * on with a caret span under the value or key, then what brings it in (`= via …`) and whether
 * the trainer stops at it. The indented lines are for people: tools read the heading.
 */
export function issueText(reported: ReportedIssue, sources: IssueSources, marksFirst: boolean, style: Style = PLAIN): string[] {
  const { located, severity, file, via } = reported;
  const lines = [headingLine(file, located.at, severity, located.issue.message, style)];
  lines.push(...frameLines(located, file, sources, severity, style));
  if (via.length > 0) lines.push(`  ${style.note("=")} via ${escapeControls(via.join(", "))}`);
  if (marksFirst) lines.push(`  ${style.note("=")} the trainer reports this error first${firstFor(reported)}`);
  return lines;
}

/** For whom the trainer stops here, where that is not simply the file the issue stands in. */
function firstFor({ firstFor: configs, file }: ReportedIssue): string {
  return configs.length === 1 && configs[0] === file ? "" : ` for ${escapeControls(configs.join(", "))}`;
}

function frameLines(located: Located, file: string, sources: IssueSources, severity: Severity, style: Style): string[] {
  const text = sources.textOf(file);
  if (text === undefined) return [];
  const range = sources.spans && issueRange(located, sources.spans);
  // The stretch is shown where it stands in the issue's own file; a position alone gets one caret.
  const inFile = range && (range.start.file ?? file) === file ? range : undefined;
  const frame = inFile ? codeFrame(text, inFile.start, inFile) : codeFrame(text, located.at);
  // A line with control characters would be shown escaped, wider than the caret's count: no frame.
  if (frame.length === 0 || hasControls(frame[0])) return [];
  return frame.map((line, i) => {
    const bar = line.indexOf(" | ");
    const gutter = style.gutter(`${line.slice(0, bar)} |`);
    const rest = line.slice(bar + 2);
    return `  ${gutter}${i === 1 ? style[severity](rest) : rest}`;
  });
}
