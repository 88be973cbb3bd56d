import Ajv from "ajv";
import ajvErrors from "ajv-errors";
import addFormats from "ajv-formats";
import type { JsonSchema } from "../schema/json-schema";
import { compiledRuleFailure } from "../schema/rule-schema";
import { mapSubschemas } from "../schema/subschemas";

/** Editor-facing annotations that carry no validation meaning. */
const ANNOTATION_KEYWORDS = ["enumDescriptions", "markdownEnumDescriptions", "markdownDescription", "x-taplo"];

/**
 * How Ajv compiles a schema, by what the validator is for; nothing Ajv compiles ships, these
 * are the references the generated code is tested against:
 * - `verdict` stops at the first failure and only answers valid or not (the shipped verdict is
 *   the reader's, reader.ts);
 * - `explain` collects every failure and applies ajv-errors' `errorMessage` (the shipped
 *   explainer is explainer.ts, and the reader's errors are written from it).
 */
type ValidatorKind = "verdict" | "explain";

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
