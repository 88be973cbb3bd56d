export { issueRange, keyKind } from "./issue-range";
export { fixOf, type Fix } from "./fix";
export { codeFrame } from "./frame";
export { reportedIssues, type NamedReport, type ReportedIssue, type Severity } from "./reported-issues";
export { escapeControls } from "./escape";
export { headingLine, issueText, type IssueSources } from "./issue-text";
export { COLOURED, PLAIN, wantsColour, type ColorChoice, type Style } from "./style";
export { ISSUE_KINDS, UNREADABLE_KIND, kindOf, type IssueKind } from "./issue-kind";
export { extendsEntriesTo, issueStretch } from "./issue-place";
