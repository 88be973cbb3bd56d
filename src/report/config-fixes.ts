import type { ConfigReport } from "./config-report";
import { applyFixes, fixOf, type Fix } from "./fix";
import { loadedAs } from "./issue-place";

/** What fixing the issues of some configs changes in one file. */
export interface FileFixes {
  /** The file's real path, symbolic links resolved: the file written. */
  real: string;
  /** How the reports name it. */
  shown: string;
  /** Its text as it was read, and as the fixes leave it. */
  before: string;
  after: string;
  /** The fixes made, in the text's order. */
  applied: Fix[];
}

/**
 * The fixes that have one answer for the issues of `reports`, file by file, each file once
 * however many configs read it: the file that set each value (a base only where the issue
 * stands in it), and no file the configs did not read. A fix the same as another is made once,
 * fixes that overlap are not made; files left as they were are not listed.
 */
export function configFixes(reports: readonly ConfigReport[]): FileFixes[] {
  const byReal = new Map<string, { real: string; shown: string; text: string; fixes: Fix[] }>();
  for (const report of reports) {
    if (report.status === "unreadable" || report.document === undefined || report.loaded === undefined) continue;
    const { loaded: read, document } = report;
    const textOf = (shown: string) => loadedAs(shown, read)?.text;
    for (const located of [...report.errors, ...report.warnings]) {
      const fix = fixOf(located, document.spans, textOf);
      const loaded = fix && loadedAs(fix.file, read);
      if (fix === undefined || loaded?.text === undefined) continue;
      let file = byReal.get(loaded.real);
      if (file === undefined) byReal.set(loaded.real, (file = { real: loaded.real, shown: loaded.shown, text: loaded.text, fixes: [] }));
      file.fixes.push(fix);
    }
  }
  return [...byReal.values()].flatMap(({ real, shown, text, fixes }) => {
    const { text: after, applied } = applyFixes(text, fixes);
    return applied.length === 0 ? [] : [{ real, shown, before: text, after, applied }];
  });
}

/** More rounds than any config needs: each round's fixes can only bring to light the values under a key it renamed. */
export const MAX_FIX_ROUNDS = 8;

/**
 * The configs' fixes made round after round, each round on the texts the last one left, until
 * a check finds no fix left to make: a section's misspelt name hides the values inside it,
 * whose own fixes show once it is fixed. `check` checks the configs with `texts` (real path →
 * text) taken before the disk. `files`: each file changed, from its text on disk to its last,
 * with every round's fixes; `reports`: the last check.
 */
export function fixRounds<R extends ConfigReport>(check: (texts: ReadonlyMap<string, string>) => R[]): { files: FileFixes[]; reports: R[] } {
  const texts = new Map<string, string>();
  const files = new Map<string, FileFixes>();
  let reports = check(texts);
  for (let round = 0; round < MAX_FIX_ROUNDS; round++) {
    const fixes = configFixes(reports);
    if (fixes.length === 0) break;
    for (const fixed of fixes) {
      texts.set(fixed.real, fixed.after);
      const earlier = files.get(fixed.real);
      files.set(fixed.real, earlier ? { ...earlier, after: fixed.after, applied: [...earlier.applied, ...fixed.applied] } : fixed);
    }
    reports = check(texts);
  }
  return { files: [...files.values()], reports };
}
