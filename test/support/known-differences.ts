import { TOMLParser } from "toml-eslint-parser/lib/toml-parser";
import { parseToml } from "../../dist/text/parse/toml";
import { faultKinds } from "../../dist/text/parse/toml/diagnose";
import type { TomlSyntaxKind } from "../../dist/text/parse/toml/syntax-kinds";
import { ConfigSyntaxError } from "../../dist/text/parse/syntax-error";
import type { TreeNode } from "../../dist/text/parse/tree";

/**
 * The known differences between the Rust oracle and the real trainer, numbered as
 * `../shared/oracle/README.md` ("Where the oracle differs from the trainer") numbers them.
 * Where the two differ the package follows the trainer, and a differential test allows a
 * disagreement with the oracle only as one of these, counted by kind.
 */
export const KNOWN_DIFFERENCES = {
  "list-for-struct":
    "1 and 4. a list where a struct belongs: the trainer reads a short one as the struct's defaults and refuses a long one, the oracle reads one as long as the struct, the package refuses every one (its one intended difference)",
  "toml-1.1": "2. TOML 1.1-only forms, which the trainer reads and the oracle's TOML 1.0 reader refuses",
  "invalid-accepted": "3. invalid TOML that toml_edit 0.14 accepts (a day past its month's end, a table or key defined twice through dotted keys)",
  nesting: "5. nesting past the trainer's 80 levels, which toml_edit does not bound",
  datetime: "8. a datetime, which the trainer hands serde as a string",
  "float-overflow": "13. a float literal that overflows, which toml_edit reads as infinity",
} as const;

export type KnownDifference = keyof typeof KNOWN_DIFFERENCES;

/** Counts of the differences a test allowed, printed with its result. */
export class AllowedDifferences {
  private readonly counts = new Map<KnownDifference, number>();

  add(kind: KnownDifference): void {
    this.counts.set(kind, this.count(kind) + 1);
  }

  count(kind: KnownDifference): number {
    return this.counts.get(kind) ?? 0;
  }

  get summary(): string {
    if (this.counts.size === 0) return "no known difference met";
    return [...this.counts].map(([kind, n]) => `${n} × README ${KNOWN_DIFFERENCES[kind]}`).join("; ");
  }
}

/** Whether a TOML text parses as TOML 1.1 but not as TOML 1.0: it uses a form only TOML 1.1 has. */
export function usesToml11Only(text: string): boolean {
  const parses = (tomlVersion: "1.0.0" | "1.1.0") => {
    try {
      new TOMLParser(text, { tomlVersion }).parse();
      return true;
    } catch {
      return false;
    }
  };
  return parses("1.1.0") && !parses("1.0.0");
}

/**
 * The trainer's view of a TOML text the package reads, as a TOML 1.0 text the oracle reads
 * the same way: every table inline, every datetime the string the trainer hands serde (README
 * point 8), floats written as floats. The oracle's verdict on it is the trainer's verdict on
 * the original (README points 2 and 8), short of the syntax, which this text no longer has.
 * `undefined` where the package does not read the text.
 */
export function trainerView(text: string): string | undefined {
  let tree: TreeNode;
  try {
    tree = parseToml(text);
  } catch {
    return undefined;
  }
  if (tree.kind !== "table") return undefined;
  // The root `extends` is the loader's, not serde's: its datetimes stay datetimes, as the oracle's reader sees them too.
  return tree.entries.map((entry) => `${tomlKey(entry.key)} = ${tomlValue(entry.value, entry.key !== "extends")}\n`).join("");
}

/** Whether a TOML text the package reads holds a datetime anywhere. */
function holdsDatetime(text: string): boolean {
  const visit = (node: TreeNode): boolean =>
    node.kind === "datetime" ||
    (node.kind === "table" && node.entries.some((entry) => visit(entry.value))) ||
    (node.kind === "array" && node.items.some(visit));
  try {
    return visit(parseToml(text));
  } catch {
    return false;
  }
}

function tomlKey(key: string): string {
  return /^[A-Za-z0-9_-]+$/.test(key) ? key : tomlString(key);
}

/** A TOML 1.0 basic string: every control character (DEL too, which JSON leaves as it is) escaped. */
function tomlString(text: string): string {
  return `"${text.replace(/[\u0000-\u001f\u007f"\\]/g, (c) => (c === '"' || c === "\\" ? `\\${c}` : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`))}"`;
}

/** `bySerde`: the value is read by serde, which toml 0.9 hands a datetime as its text. */
function tomlValue(node: TreeNode, bySerde: boolean): string {
  switch (node.kind) {
    case "table":
      return `{ ${node.entries.map((entry) => `${tomlKey(entry.key)} = ${tomlValue(entry.value, bySerde)}`).join(", ")} }`;
    case "array":
      return `[${node.items.map((item) => tomlValue(item, bySerde)).join(", ")}]`;
    case "datetime":
      return bySerde ? tomlString(node.text) : node.text;
    case "scalar":
      return tomlScalar(node.value, node.float === true);
  }
}

function tomlScalar(value: string | number | bigint | boolean | null, float: boolean): string {
  if (typeof value === "string") return tomlString(value);
  if (typeof value === "number" && float) {
    if (Number.isNaN(value)) return "nan";
    if (!Number.isFinite(value)) return value > 0 ? "inf" : "-inf";
    const text = Object.is(value, -0) ? "-0.0" : String(value);
    return /[.e]/.test(text) ? text : `${text}.0`;
  }
  return String(value);
}

/** A verdict of the oracle (see support/oracle.ts), as far as the judging below reads it. */
type Rust = { ok: true } | { ok: false; stage: string; message: string };

/** The package's first issue, or `valid`. */
type Ours = { valid: true } | { valid: false; errors: readonly { stage: string; message: string }[] };

/** A TOML syntax error of the oracle's: its parse errors start so (serde's are worded otherwise). */
export function isOracleSyntaxError(rust: Rust): boolean {
  return !rust.ok && rust.stage === "parse" && /^(failed to parse .* as TOML: )?TOML parse error/.test(rust.message);
}

/** Whether the package's first issue is a syntax error of the text. */
export function isOurSyntaxError(ours: Ours): boolean {
  return !ours.valid && /^invalid TOML: /.test(ours.errors[0].message);
}

/** The package's refusal of a list where a struct belongs. */
function refusesListForStruct(ours: Ours): boolean {
  return !ours.valid && /: invalid type: sequence, expected (a table|struct \w+)/.test(ours.errors[0].message);
}

/** The class of the package's TOML syntax error for a text, if it refuses the text as one. */
export function tomlSyntaxKind(text: string): TomlSyntaxKind | undefined {
  try {
    parseToml(text);
  } catch (error) {
    if (error instanceof ConfigSyntaxError) return error.kind;
    throw error;
  }
  return undefined;
}

/** The known difference a syntax error of the package's that the oracle does not see stands for, if any. */
function syntaxDifference(kind: TomlSyntaxKind | undefined): KnownDifference | undefined {
  if (kind === "nesting") return "nesting";
  // toml_edit refuses an integer that overflows too: only a float literal is read by it.
  if (kind === "number-overflow") return "float-overflow";
  if (kind === "invalid-date" || (kind !== undefined && SYNTAX_FAMILIES[kind].includes("key-rule"))) return "invalid-accepted";
  return undefined;
}

/** A verdict in the terms both sides promise: valid, or the stage, and a `validate` rule's message. */
export function rustPromise(rust: Rust): string {
  if (rust.ok) return "valid";
  return rust.stage === "validate" ? `validate: ${rust.message}` : rust.stage === "parse" ? "deserialize" : rust.stage;
}

export function ourPromise(ours: Ours): string {
  if (ours.valid) return "valid";
  const [first] = ours.errors;
  return first.stage === "validate" ? `validate: ${first.message}` : first.stage;
}

/**
 * Judges the package's verdict on a TOML text against the oracle's (`rust`, on the text itself)
 * and the oracle's on the trainer's view of it (`view`, on `trainerView(text)`, where the
 * package reads the text): `null` where they agree, or a known difference of README's, counted
 * in `allowed`; a description of the disagreement otherwise.
 */
export function judgeTomlText(text: string, rust: Rust, view: Rust | undefined, ours: Ours, allowed: AllowedDifferences): string | null {
  const disagree = (why: string) => `${why}\n  text: ${JSON.stringify(text)}\n  rust: ${JSON.stringify(rust)}\n  view: ${JSON.stringify(view)}\n  ours: ${JSON.stringify(ours)}`;
  if (isOurSyntaxError(ours)) {
    if (isOracleSyntaxError(rust)) return null;
    const kind = syntaxDifference(tomlSyntaxKind(text));
    if (kind === undefined) return disagree("the package refuses the syntax, the oracle reads it");
    allowed.add(kind);
    return null;
  }
  if (view === undefined) return disagree("the package reads the text but no trainer's view was asked for");
  if (rustPromise(view) !== ourPromise(ours)) {
    if (refusesListForStruct(ours) && (view.ok || /invalid length/.test(view.message))) {
      allowed.add("list-for-struct");
      return null;
    }
    return disagree("the package and the oracle on the trainer's view disagree");
  }
  if (rustPromise(rust) === rustPromise(view)) return null;
  if (isOracleSyntaxError(rust) && usesToml11Only(text)) allowed.add("toml-1.1");
  else if (holdsDatetime(text)) allowed.add("datetime");
  else return disagree("the oracle judges the text and its trainer's view differently, for no known reason");
  return null;
}

/**
 * serde's words in an oracle message, without where they happened: toml_edit appends
 * `` for key `model.quant.enable` `` (README point 6; the trainer's toml 0.9 writes
 * ``\nin `model.quant.enable`\n``), serde_json ` at line 1 column 20`.
 */
export function serdeWords(message: string): string {
  return message
    .replace(/ for key `[^`]*`$/, "")
    .replace(/\nin `[^`]*`\n$/, "")
    .replace(/ at line \d+ column \d+$/, "");
}

/** The differences of words a comparison allowed, beside those of verdicts, by README point. */
export const KNOWN_WORDINGS = {
  "enum-not-a-string": "7. a value that is not a string where an enum belongs: the oracle's toml_edit says `wanted string or inline table`, the trainer's toml 0.9 `invalid type: unit variant, expected string only`",
  "datetime-words": "8. a datetime, which the oracle hands serde as a map or a private variant, the trainer as a string",
  "list-for-struct-words": "1 and 4. a list where a struct belongs: serde reads it field by field and names its first bad element or its length, the package asks for a table",
} as const;

export type KnownWording = keyof typeof KNOWN_WORDINGS;

/**
 * Whether the package's issue says at least what serde says, in the oracle's words: after the
 * field's name, serde's words without the place (see `serdeWords`), then nothing, or the
 * package's own addition in parentheses or after a semicolon. `null` where it does, the known
 * wording difference it stands for, or `"differs"`.
 */
export function compareSerdeWords(rustMessage: string, ours: { path: string; message: string }, fields: readonly string[]): null | KnownWording | "differs" {
  const rust = serdeWords(rustMessage);
  // The field the issue is about, or for one about a key, the table that holds it.
  const prefix = fields.map((field) => `${field}: `).find((start) => ours.message.startsWith(start));
  if (prefix === undefined) return "differs";
  const words = ours.message.slice(prefix.length);
  if (words === rust || (words.startsWith(rust) && /^( \(|; )/.test(words.slice(rust.length)))) return null;
  if (/^wanted string or inline table$/.test(rust) && words.startsWith("invalid type: unit variant, expected string only")) return "enum-not-a-string";
  // The oracle reads a datetime as a map or a private variant, and its view of the text as a string where an enum is.
  if (/\$__toml_private_datetime|^invalid type: map, expected|^unknown variant `\d[\d:T.Z+-]*`/.test(rust) && /datetime|invalid type: string "\d/.test(words)) return "datetime-words";
  // The trainer reads a list in place of a struct field by field, and so names its first bad element.
  if (/^invalid type: sequence, expected struct/.test(words)) return "list-for-struct-words";
  return "differs";
}

/**
 * The package's TOML syntax error classes in coarser families (the first a class's own), the grain at which toml_edit's
 * words can be told apart: its combine parser names the construct it was reading (`While
 * parsing a Basic String`), or a key rule, or nothing but the character where it stopped.
 */
export const SYNTAX_FAMILIES: Record<TomlSyntaxKind, readonly string[]> = {
  "duplicate-key": ["key-rule"],
  "table-defined-twice": ["key-rule"],
  "array-of-tables": ["key-rule"],
  "extend-value": ["key-rule"],
  "extend-inline-table": ["key-rule"],
  "unterminated-string": ["string"],
  "invalid-escape": ["string"],
  "control-character": ["string"],
  "invalid-number": ["number"],
  "invalid-float": ["number"],
  "number-overflow": ["number"],
  "invalid-date": ["datetime"],
  "invalid-time": ["datetime"],
  "invalid-boolean": ["value"],
  "unquoted-string": ["value"],
  "missing-value": ["value"],
  "empty-key": ["key"],
  "invalid-key": ["key"],
  "unclosed-header": ["header"],
  "missing-equals": ["structure"],
  "missing-comma": ["structure"],
  "extra-comma": ["structure"],
  "unclosed-array": ["structure"],
  "unclosed-inline-table": ["structure"],
  "unexpected-token": ["structure"],
  "expected-newline": ["line-end"],
  // A carriage return may stand inside a multi-line string, which toml_edit's words then name.
  "lone-carriage-return": ["line-end", "string"],
  "comment-character": ["line-end"],
  nesting: ["nesting"],
  unclassified: ["unclassified"],
};

/**
 * The families a toml_edit parse error names (README point 9: its `Duplicate key …`,
 * `Unexpected …`, `Expected …` and `While parsing …` lines): a key rule, the constructs it was
 * parsing, a carriage return without its line feed. A table header's line holds its brackets,
 * its key and what follows it. None where it names only the character it stopped at.
 */
export function oracleSyntaxFamilies(rustMessage: string): string[] {
  const families = new Set<string>();
  const message = oracleSyntaxWords(rustMessage);
  if (/Duplicate key|attempted to extend non-table type/.test(message)) families.add("key-rule");
  if (/While parsing an? (Basic|Literal|Multiline Basic|Multiline Literal) String|While parsing escape sequence|Invalid hex escape/.test(message)) families.add("string");
  if (/While parsing an? (\w+ )?(Integer|Float)\b/.test(message)) families.add("number");
  if (/While parsing an? (Date-Time|Time|Time Offset)\b/.test(message)) families.add("datetime");
  if (/While parsing a Table Header/.test(message)) ["header", "key", "line-end"].forEach((family) => families.add(family));
  if (/Expected lf newline/.test(message)) families.add("line-end");
  return [...families];
}

/** A toml_edit parse error's own lines, after its place, the source line and the caret. */
export function oracleSyntaxWords(rustMessage: string): string {
  const lines = rustMessage.split("\n");
  const caret = lines.findIndex((line) => /^\s*\|\s*\^/.test(line));
  return lines.slice(caret + 1).filter((line) => line.trim() !== "").join("\n");
}

/**
 * Whether a text holds a TOML 1.1-only form before its first error: read as TOML 1.0 it breaks
 * earlier than read as TOML 1.1, or at the same place for another reason (a key set twice,
 * which the parser finds only once all is read, does not count).
 */
export function breaksFirstAsToml10(text: string): boolean {
  const breaksAt = (tomlVersion: "1.0.0" | "1.1.0") => {
    try {
      new TOMLParser(text, { tomlVersion }).parse();
    } catch (error) {
      const { index, message } = error as { index: number; message: string };
      return /multiple times/.test(message) ? { index: Infinity, message: "" } : { index, message };
    }
    return { index: Infinity, message: "" };
  };
  const [old, now] = [breaksAt("1.0.0"), breaksAt("1.1.0")];
  return old.index < now.index || (old.index === now.index && old.index < Infinity && old.message !== now.message);
}

/** The differences of syntax-error words a comparison allows, by README point. */
export const KNOWN_SYNTAX_WORDINGS = {
  "toml-1.1": "2. the text holds a TOML 1.1-only form before its error, which the oracle's TOML 1.0 reader refuses first",
  "combine-words":
    "9. toml_edit's words name no construct, only the character where its combine parser stopped and what its grammar allowed there (Unexpected, Expected), which says nothing of the error's class",
  "several-errors":
    "9. the text has several errors and toml_edit reports another first: the package's own reading meets one of the family toml_edit names too (toml 0.9 reads the whole structure before it decodes any value)",
} as const;

export type KnownSyntaxWording = keyof typeof KNOWN_SYNTAX_WORDINGS;

/**
 * Whether the class of the package's syntax error for a text (`kind`) agrees with the oracle's
 * words for it: `null` where toml_edit names the family of the class, the known wording
 * difference it stands for, or `"differs"`.
 */
export function compareSyntaxWords(text: string, rustMessage: string, kind: TomlSyntaxKind): null | KnownSyntaxWording | "differs" {
  const families = oracleSyntaxFamilies(rustMessage);
  const named = (other: TomlSyntaxKind) => SYNTAX_FAMILIES[other].some((family) => families.includes(family));
  if (named(kind)) return null;
  if (families.length === 0) return "combine-words";
  if (breaksFirstAsToml10(text)) return "toml-1.1";
  if (faultKinds(text).some(named)) return "several-errors";
  return "differs";
}
