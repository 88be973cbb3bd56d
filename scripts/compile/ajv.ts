import Ajv from "ajv";
import ajvErrors from "ajv-errors";
import addFormats from "ajv-formats";
import type { JsonSchema } from "../schema/json-schema";
import { compiledRuleFailure } from "../schema/rule-schema";
import { mapSubschemas } from "../schema/subschemas";

/** Editor-facing annotations that carry no validation meaning. */
const ANNOTATION_KEYWORDS = ["enumDescriptions", "markdownEnumDescriptions", "markdownDescription", "x-taplo"];

/**
 * How Ajv compiles a schema, by what the validator is for:
 * - `verdict` stops at the first failure and only answers valid or not (the shipped verdict is
 *   written by explainer.ts; Ajv's is the reference it is tested against);
 * - `explain` collects every failure and applies ajv-errors' `errorMessage` (likewise the
 *   reference for the shipped explainer);
 * - `first` stops at the first failure of a schema reordered to fail first where Rust does
 *   (see first-error-schema.ts): shipped, for a caller that wants Rust's error alone.
 */
export type ValidatorKind = "verdict" | "explain" | "first";

export function createAjv(kind: ValidatorKind): Ajv {
  const explain = kind === "explain";
  const ajv = new Ajv({
    allErrors: explain,
    messages: explain,
    strict: true,
    allowUnionTypes: true,
    // Several passes fold away the constant branches Ajv emits around `if`/`then`.
    code: { source: true, esm: false, optimize: 3 },
  });
  addFormats(ajv);
  if (explain) ajvErrors(ajv);
  else ajv.addKeyword("errorMessage");
  ajv.addVocabulary(ANNOTATION_KEYWORDS);
  return ajv;
}

/** Keywords that only describe: the verdict and the errors are the same without them. */
const DESCRIPTIVE = new Set(["title", "description", "default", "examples", "$comment", ...ANNOTATION_KEYWORDS]);

/**
 * The schema as the validators are compiled from it: descriptive keywords removed (and
 * `errorMessage` too where no messages are reported), each rule failure in its compiled
 * form (see `compiledRuleFailure`). Ajv embeds each compiled
 * schema in the standalone code; without them the modules are a fraction of the size and
 * load faster.
 */
export function compilable(schema: JsonSchema, kind: ValidatorKind): JsonSchema {
  const failure = compiledRuleFailure(schema);
  if (failure) return compilable(failure, kind);
  const kept = Object.entries(schema).filter(([key]) => !DESCRIPTIVE.has(key) && (key !== "errorMessage" || kind === "explain"));
  return mapSubschemas(Object.fromEntries(kept), (sub) => compilable(sub, kind));
}

/** An empty error object pushed only to be counted, as Ajv emits inside `if` and `not`. */
const PLACEHOLDER = /const (err\d+) = \{\};if\(vErrors === null\)\{vErrors = \[\1\];\}else \{vErrors\.push\(\1\);\}errors\+\+;/g;

/**
 * The code of a validator that stops at its first failure (`verdict`, `first`) without Ajv's
 * placeholder errors. Where a failure inside an `if` (or `not`) only decides a branch, Ajv
 * pushes an empty object onto the error list, counts it, and truncates the list again: on
 * valid input that is two allocations per rule, most of the validator's time. The count alone
 * decides every branch and the verdict; such a validator returns as soon as a real error is
 * found, so only the count is kept. Not for `explain`, which collects real errors beside the
 * placeholders and truncates its list by the count.
 */
export function withoutPlaceholderErrors(code: string): string {
  const out = code.replace(PLACEHOLDER, "errors++;");
  if (out === code) throw new Error("no Ajv placeholder errors found: has Ajv's code generation changed?");
  if (/= \{\};/.test(out)) throw new Error("an empty error object is left in the code");
  return out;
}
