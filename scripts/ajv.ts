import Ajv from "ajv";
import ajvErrors from "ajv-errors";
import addFormats from "ajv-formats";

/** Editor-facing annotations that carry no validation meaning. */
export const ANNOTATION_KEYWORDS = ["enumDescriptions", "markdownEnumDescriptions", "markdownDescription", "x-taplo"];

/**
 * The two compilers behind the shipped validators:
 * - `check` stops at the first failure and only answers valid or not: the hot path;
 * - `explain` collects every failure and applies ajv-errors' `errorMessage`: run only on
 *   input `check` rejected, to find the error Rust reports.
 */
export type ValidatorKind = "check" | "explain";

export function createAjv(kind: ValidatorKind): Ajv {
  const explain = kind === "explain";
  const ajv = new Ajv({
    allErrors: explain,
    messages: explain,
    strict: true,
    allowUnionTypes: true,
    code: { source: true, esm: false, optimize: true },
  });
  addFormats(ajv);
  if (explain) ajvErrors(ajv);
  else ajv.addKeyword("errorMessage");
  ajv.addVocabulary(ANNOTATION_KEYWORDS);
  return ajv;
}
