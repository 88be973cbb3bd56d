import { shapeIssue } from "./issues";
import { layouts } from "./layouts";
import type { ValidationIssue } from "./result";
import { firstErrors, ruleMessages } from "./generated";
import type { Target } from "./targets";

/** A rule's failure sits in a `then` of an `allOf` entry: the rule is that entry. */
const RULE_AT = /\/allOf\/\d+(?=\/then\/)/;

/** The Rust message of the rule whose failure Ajv reports at `schemaPath`, or `undefined` for a shape error. */
function ruleMessage(target: Target, schemaPath: string): string | undefined {
  const rule = RULE_AT.exec(schemaPath);
  return rule ? ruleMessages(target)[schemaPath.slice(0, rule.index + rule[0].length)] : undefined;
}

/**
 * The error Rust reports, alone, or `undefined` for a valid value: the first-error validator of
 * the target (shape, then rules, in Rust's order) stops at it. `value` is the built value,
 * whose paths are the input's.
 */
export function firstIssue(target: Target, input: unknown, value: unknown): ValidationIssue | undefined {
  const validate = firstErrors[target];
  if (validate(value)) return undefined;
  const [error] = validate.errors ?? [];
  const message = ruleMessage(target, error.schemaPath ?? "");
  if (message === undefined) return shapeIssue(error, input, layouts[target].root);
  return { stage: "validate", path: error.instancePath, message };
}
