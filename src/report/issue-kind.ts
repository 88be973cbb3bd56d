import { FAST_TRAIN_REMOVED } from "../files/fast-train";
import type { Located } from "../text/located";
import { rulesByType } from "../types/rules-by-type";
import { documentShape } from "../validate/generated";
import { structTargets } from "../validate/shape";
import type { Severity } from "./reported-issues";

/** A kind of issue, as a CI report groups them: a rule of SARIF's `tool.driver.rules`. */
export interface IssueKind {
  id: string;
  /** What the issues of this kind are; for a `validate()` rule, its Rust message. */
  description: string;
  /** The page of `docs/` and the heading on it (as GitHub's anchor) that explain it. */
  help: { page: string; anchor?: string };
  severity: Severity;
}

const REFERENCE = "docs/reference.md";
const CONFIG_FILES = "docs/config-files.md";

/**
 * The `validate()` rules' kinds: one per rule of `src/types`, `<type>/<its place in Rust's
 * order>`, by message. Made on first use: only the CI reports ask, and a run of the text report
 * does not pay for them at start.
 */
let ruleKinds: Map<string, IssueKind> | undefined;
function ruleKindsByMessage(): Map<string, IssueKind> {
  ruleKinds ??= new Map(
    Object.entries(rulesByType).flatMap(([type, rules]) => {
      const anchor = rulesAnchor(type);
      return rules.map((rule, i): [string, IssueKind] => [
        rule.message,
        { id: `validate/${type}/${i + 1}`, description: rule.message, help: { page: REFERENCE, anchor }, severity: "error" },
      ]);
    }),
  );
  return ruleKinds;
}

/** The heading of `docs/reference.md` that lists a type's rules: its table's, or the whole document's. */
function rulesAnchor(type: string): string {
  const struct = structTargets(documentShape).find((target) => target.type === type);
  return struct ? `rules-of-${struct.path.join("")}` : "rules-of-the-whole-document";
}

/**
 * The other kinds, each told by its stage and the words its message starts with (after the
 * field it names, for serde's): serde's errors by the `de::Error` method that makes them, the
 * readers' and the loader's refusals, and the stage's own kind for any message not told apart.
 */
const otherKinds: { kind: IssueKind; matches(located: Located): boolean }[] = [
  kind("load/fast-train", "a merged config still setting training.fast_train, which the trainer refuses", CONFIG_FILES, "extends-and---config", (l) => l.issue.stage === "load" && l.issue.message === FAST_TRAIN_REMOVED),
  kind("load/extends", "an `extends` the trainer refuses: of the wrong shape, or a cycle", CONFIG_FILES, "extends-and---config", (l) => l.issue.stage === "load" && l.issue.path === "/extends"),
  kind("load", "a config the trainer's loader refuses", CONFIG_FILES, "extends-and---config", (l) => l.issue.stage === "load"),
  kind("syntax", "a text that is not well-formed TOML, JSON or YAML", CONFIG_FILES, "toml", (l) => deserialize(l) && /^invalid (TOML|JSON|YAML): /.test(l.issue.message)),
  kind("not-checked", "a text beyond what this package checks: too big, nested too deeply", CONFIG_FILES, undefined, (l) => deserialize(l) && l.issue.message.startsWith("the text cannot be checked: ")),
  kind("serde/unknown-field", "a key no field is named after: Rust ignores it (an error with --strict)", CONFIG_FILES, "what-is-checked", (l) => serdeSays(l, "unknown field "), "warning"),
  kind("serde/unknown-variant", "a string that names no variant of the enum", REFERENCE, undefined, (l) => serdeSays(l, "unknown variant ")),
  kind("serde/duplicate-field", "a field set twice", CONFIG_FILES, undefined, (l) => serdeSays(l, "duplicate field ")),
  kind("serde/invalid-type", "a value of the wrong type", REFERENCE, undefined, (l) => serdeSays(l, "invalid type: ")),
  kind("deserialize", "a value serde cannot read into its field", REFERENCE, undefined, deserialize),
  kind("validate", "a value a validate() rule rejects", REFERENCE, undefined, () => true),
];

function kind(id: string, description: string, page: string, anchor: string | undefined, matches: (located: Located) => boolean, severity: Severity = "error") {
  return { kind: { id, description, help: { page, ...(anchor ? { anchor } : {}) }, severity }, matches };
}

function deserialize(located: Located): boolean {
  return located.issue.stage === "deserialize";
}

/** serde's words after the field they are about (`model.quant: unknown field …`), or alone (a field of the document's root). */
function serdeSays(located: Located, words: string): boolean {
  const { message } = located.issue;
  return deserialize(located) && (message.startsWith(words) || message.includes(`: ${words}`));
}

/** A file that cannot be checked at all: the one kind that is not an issue of a config. */
export const UNREADABLE_KIND: IssueKind = {
  id: "unreadable",
  description: "a file that cannot be checked: missing, unreadable, too big, not text, or a base of it",
  help: { page: CONFIG_FILES, anchor: "extends-and---config" },
  severity: "error",
};

/** Every kind, each once, in a fixed order: the rules first, in Rust's order, then the others. */
export function issueKinds(): IssueKind[] {
  return [...ruleKindsByMessage().values(), ...otherKinds.map(({ kind }) => kind), UNREADABLE_KIND];
}

/** The kind of an issue: the rule whose message it is, else the first other kind it matches. */
export function kindOf(located: Located): IssueKind {
  const rule = located.issue.stage === "validate" ? ruleKindsByMessage().get(located.issue.message) : undefined;
  return rule ?? otherKinds.find(({ matches }) => matches(located))!.kind;
}
