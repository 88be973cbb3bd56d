import { COLOURED, issueText, PLAIN, type ReportedIssue } from "../../dist/report";
import { readDocument } from "../../dist/text/read-document";

/** An issue as people read it: heading, code frame under the value, notes; in colour only where asked. */
const TEXT = '[model.quant]\nact_grouping = "per_group"\n';
const document = readDocument(TEXT, "toml");
const located = {
  issue: { stage: "validate" as const, path: "/model/quant/act_grouping", message: 'model.quant.act_grouping currently supports only "per_token"' },
  at: { line: 2, column: 1, file: "base.toml" },
};
/** The issue as a run reports it, from a config whose file `base.toml` holds `text` (`null`: a file not read). */
function reported(overrides: Partial<ReportedIssue> = {}, text: string | null = TEXT): ReportedIssue {
  const loaded = new Map([["/configs/base.toml", { real: "/configs/base.toml", shown: "base.toml", text: text ?? undefined, document: text === TEXT ? document : undefined, bases: [], via: [] }]]);
  const report = { file: "base.toml", status: "invalid" as const, errors: [located], warnings: [], loaded };
  return { located, severity: "error", file: "base.toml", via: [], firstFor: [], report, ...overrides };
}

test("the heading tools read, then the line with a caret span under the value", () => {
  const [heading, line, caret] = issueText(reported(), false, PLAIN);
  expect(heading).toBe(`base.toml:2:1: error: ${located.issue.message}`);
  expect(line).toBe('  2 | act_grouping = "per_group"');
  // The caret spans exactly the value as written, quotes included.
  const start = caret.indexOf("^");
  expect(line.slice(start, caret.length)).toBe('"per_group"');
  expect(issueText(reported(), false)).toHaveLength(3);
});

test("the configs that bring the issue in, and the trainer's first error, are noted", () => {
  const text = issueText(reported({ via: ["run.toml", "sweep/a.toml"], firstFor: ["run.toml"] }), true);
  expect(text.slice(3)).toEqual(["  = via run.toml, sweep/a.toml", "  = the trainer reports this error first for run.toml"]);
  expect(issueText(reported({ firstFor: ["base.toml"] }), true).slice(3)).toEqual(["  = the trainer reports this error first"]);
});

test("without the file's text, the heading alone; a line with control characters gets no frame", () => {
  expect(issueText(reported({}, null), false)).toHaveLength(1);
  const evil = '[model.quant]\nact_grouping = "\u001b[2J"\n';
  // As a file the reader refuses for that character holds it: the issue is placed on that line.
  expect(issueText(reported({}, evil), false)).toHaveLength(1);
  expect(issueText(reported({ report: { ...reported().report, document: undefined } }), false)).toHaveLength(3);
});

test("colour marks the place, the severity and the caret, and nothing else changes", () => {
  const coloured = issueText(reported({ via: ["run.toml"] }), false, COLOURED);
  const plain = issueText(reported({ via: ["run.toml"] }), false, PLAIN);
  expect(coloured.join("\n")).toContain("\u001b[1;31merror:\u001b[0m");
  expect(coloured.map((line) => line.replace(/\u001b\[[\d;]*m/g, ""))).toEqual(plain);
});
