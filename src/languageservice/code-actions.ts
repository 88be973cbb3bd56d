import { CodeActionKind, type CodeAction, type Range as LspRange } from "vscode-languageserver-types";
import { fixOf } from "../report/fix";
import { realOf, type ConfigView } from "./config-view";
import { placedIssues } from "./diagnostics";
import { lspRange, nameFrom, overlaps, type UriOf } from "./places";

/**
 * The quick fixes for the diagnostics of `file` that touch `range`: for each issue with one
 * answer (a variant in another case or one edit away, a field one edit away), the smallest edit
 * in the file that set the value, preferred; comments and layout stay as they are. An issue set
 * in a base, shown at an `extends` entry, is fixed in the base.
 */
export function codeActionsAt(file: string, range: LspRange, views: ReadonlyMap<string, ConfigView>, uriOf: UriOf): CodeAction[] {
  const actions: CodeAction[] = [];
  const seen = new Set<string>();
  for (const { diagnostic, located, view } of placedIssues(file, views, uriOf)) {
    if (!overlaps(diagnostic.range, range)) continue;
    const document = view.report.status === "unreadable" ? undefined : view.report.document;
    const textOf = (shown: string) => view.files.get(realOf(view, shown) ?? shown)?.text;
    const fix = document && fixOf(located, document.spans, textOf);
    const fixed = fix && realOf(view, fix.file);
    if (fix === undefined || fixed === undefined) continue;
    const title = fixed === file ? fix.title : `${fix.title} in ${nameFrom(file, fixed)}`;
    const edit = { range: lspRange(fix.range, fix.range.start), newText: fix.newText };
    const key = JSON.stringify([fixed, edit]);
    if (seen.has(key)) continue;
    seen.add(key);
    actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, edit: { changes: { [uriOf(fixed)]: [edit] } } });
  }
  return actions;
}
