import type { Position } from "../text/parse/position";
import { escapeControls, hasControls } from "./escape";
import { codeFrame } from "./frame";
import { issueStretch, loadedAs } from "./issue-place";
import type { ReportedIssue, Severity } from "./reported-issues";
import { PLAIN, type Style } from "./style";

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
export function issueText(reported: ReportedIssue, marksFirst: boolean, style: Style = PLAIN): string[] {
  const { located, severity, file, via } = reported;
  const lines = [headingLine(file, located.at, severity, located.issue.message, style)];
  lines.push(...frameLines(reported, style));
  if (via.length > 0) lines.push(`  ${style.note("=")} via ${escapeControls(via.join(", "))}`);
  if (marksFirst) lines.push(`  ${style.note("=")} the trainer reports this error first${firstFor(reported)}`);
  return lines;
}

/** For whom the trainer stops here, where that is not simply the file the issue stands in. */
function firstFor({ firstFor: configs, file }: ReportedIssue): string {
  return configs.length === 1 && configs[0] === file ? "" : ` for ${escapeControls(configs.join(", "))}`;
}

/** The line the issue stands on, from the text of the file that set the value, a caret span under its stretch. */
function frameLines({ located, file, severity, report }: ReportedIssue, style: Style): string[] {
  const text = loadedAs(file, report.loaded)?.text;
  if (text === undefined) return [];
  const range = issueStretch(located, file, report.loaded, report.document?.spans);
  const frame = range ? codeFrame(text, range.start, range) : codeFrame(text, located.at);
  // A line with control characters would be shown escaped, wider than the caret's count: no frame.
  if (frame.length === 0 || hasControls(frame[0])) return [];
  return frame.map((line, i) => {
    const bar = line.indexOf(" | ");
    const gutter = style.gutter(`${line.slice(0, bar)} |`);
    const rest = line.slice(bar + 2);
    return `  ${gutter}${i === 1 ? style[severity](rest) : rest}`;
  });
}
