import Ajv from "ajv";
import ajvErrors from "ajv-errors";
import addFormats from "ajv-formats";
import standaloneCode from "ajv/dist/standalone";
import type { JsonSchema } from "../schema/json-schema";
import { compiledRuleFailure } from "../schema/rule-schema";
import { mapSubschemas } from "../schema/subschemas";
import { EDITOR_KEYWORDS } from "../../src/ajv/keywords";

/**
 * What a shipped validator module is for:
 * - `verdict` stops at the first failure and only answers valid or not;
 * - `explain` collects every failure, with ajv-errors' `errorMessage` for the Rust messages;
 *   the run time loads it only for input the verdict rejects.
 */
export type ValidatorKind = "verdict" | "explain";

export function createAjv(kind: ValidatorKind): Ajv {
  const explain = kind === "explain";
  const ajv = new Ajv({
    allErrors: explain,
    messages: explain,
    strict: true,
    allowUnionTypes: true,
    // Several passes fold away the constant branches Ajv emits around `if`/`then`; the
    // modules are plain CommonJS with no line breaks to keep, read once per process.
    code: { source: true, esm: false, optimize: 3, lines: false },
  });
  addFormats(ajv);
  if (explain) ajvErrors(ajv);
  else ajv.addKeyword("errorMessage");
  ajv.addVocabulary([...EDITOR_KEYWORDS]);
  return ajv;
}

/** Keywords that only describe: the verdict and the errors are the same without them. */
const DESCRIPTIVE = new Set(["title", "description", "default", "examples", "$comment", ...EDITOR_KEYWORDS]);

/**
 * The schema as the validators are compiled from it: descriptive keywords removed (and
 * `errorMessage` too where no messages are reported), each rule failure in its compiled
 * form (see `compiledRuleFailure`). Ajv embeds each compiled schema in the standalone code;
 * without them the modules are a fraction of the size and load faster.
 */
export function compilable(schema: JsonSchema, kind: ValidatorKind): JsonSchema {
  const failure = compiledRuleFailure(schema);
  if (failure) return compilable(failure, kind);
  const kept = Object.entries(schema).filter(([key]) => !DESCRIPTIVE.has(key) && (key !== "errorMessage" || kind === "explain"));
  const reduced = mapSubschemas(Object.fromEntries(kept), (sub) => compilable(sub, kind));
  if (kind === "verdict" && reduced.allOf) reduced.allOf = reduced.allOf.map(verdictRule);
  return reduced;
}

/**
 * A rule (`if` the config is one it rejects, `then` fail at its field) as the verdict needs it:
 * `then` fails wherever the rule applies, whichever place it fails at (see `failAt`), so where
 * only the verdict counts it is `not: {}`. Ajv's code then tests the rule's condition alone,
 * not the presence of its fields and the names of the table's keys as well.
 */
function verdictRule(rule: JsonSchema): JsonSchema {
  if (rule.if === undefined || rule.then === undefined) throw new Error(`a rule of the published schema has no if/then: ${JSON.stringify(rule)}`);
  return { if: rule.if, then: { not: {} } };
}

/** A published schema compiled by Ajv into a standalone CommonJS module of one kind. */
export function standaloneModule(published: JsonSchema, kind: ValidatorKind): string {
  const ajv = createAjv(kind);
  const code = standaloneCode(ajv, ajv.compile(compilable(published, kind)));
  return `/* Ajv's standalone ${kind} module, compiled by scripts/build-validators.ts from the published schema. */\n${code}\n`;
}
