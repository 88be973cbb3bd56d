import * as fs from "node:fs";
import * as path from "node:path";
import { validator, type Json } from "@exodus/schemasafe";
import Ajv from "ajv";
import ajvErrors from "ajv-errors";
import { TARGETS, type Target, type Verdict } from "./corpora";
import { ROOT } from "./paths";

/**
 * What a user would do without the package: compile the published schema at run time with
 * a general validator. Each reference answers like the package's benchmark wrapper: `true`
 * for valid input, the first error's message for invalid input. None of them builds the
 * defaulted value, so they do less work than the package.
 */
export type Validator = (input: unknown) => Verdict;

const SCHEMA_FILES: Record<Target, string> = {
  quant: "low-bit-quantization-config.schema.json",
  rho: "low-bit-rho-config.schema.json",
  config: "burn-dragon-config.schema.json",
};

type Schema = Record<string, unknown>;

export function publishedSchema(target: Target): Schema {
  const file = path.join(ROOT, "schema", SCHEMA_FILES[target]);
  return JSON.parse(fs.readFileSync(file, "utf8")) as Schema;
}

function perTarget(make: (schema: Schema) => Validator): Record<Target, Validator> {
  return Object.fromEntries(TARGETS.map((target) => [target, make(publishedSchema(target))])) as Record<
    Target,
    Validator
  >;
}

/**
 * Plain Ajv as its documentation suggests: `strict: false` because the schema carries
 * editor annotations Ajv does not know. With `allErrors` (which ajv-errors needs) the rule
 * messages are available; the first `errorMessage` error is taken, as the package's
 * rule order would.
 */
export function runtimeAjv(allErrors: boolean): Record<Target, Validator> {
  return perTarget((schema) => {
    const ajv = new Ajv({ allErrors, strict: false });
    if (allErrors) ajvErrors(ajv);
    const validate = ajv.compile(schema);
    return (input) => {
      if (validate(input)) return true;
      const errors = validate.errors!;
      const rule = errors.find((error) => error.keyword === "errorMessage");
      return (rule ?? errors[0]).message ?? "";
    };
  });
}

/**
 * schemasafe refuses keywords it does not know unless `allowUnusedKeywords` is set (our
 * schema has `errorMessage` and editor annotations). It has no `errorMessage` support, so
 * the message is looked up beside the failing `not`, once per schema location.
 */
export function schemasafe(): Record<Target, Validator> {
  return perTarget((schema) => {
    const validate = validator(schema as never, { includeErrors: true, allErrors: false, allowUnusedKeywords: true });
    const messages = new Map<string, string>();
    return (input) => {
      if (validate(input as Json)) return true;
      const location = validate.errors![0].keywordLocation;
      let message = messages.get(location);
      if (message === undefined) {
        message = messageAt(schema, location);
        messages.set(location, message);
      }
      return message;
    };
  });
}

/** The `errorMessage` beside a failing keyword, following `$ref`s; the location otherwise. */
function messageAt(root: Schema, location: string): string {
  const pointer = (p: string) => p.replace(/^#\//, "").split("/");
  const step = (node: Schema, token: string) => (node[token] ?? {}) as Schema;
  let node = root;
  for (const token of pointer(location).slice(0, -1)) {
    node = token === "$ref" ? pointer(node.$ref as string).reduce(step, root) : step(node, token);
  }
  return typeof node.errorMessage === "string" ? node.errorMessage : location;
}
