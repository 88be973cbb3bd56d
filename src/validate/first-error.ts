import { shapeIssue } from "./issues";
import { layouts } from "./layouts";
import type { ValidationIssue } from "./result";
import { quantizationRules, rhoRules, trainerRules } from "../types";
import { first } from "./generated";
import type { Target } from "./targets";

/** A rule's failure sits in a `then` of the struct's `allOf`: the only `allOf` entry followed by `then`. */
const RULE_AT = /\/allOf\/(\d+)\/then\//;

/**
 * The Rust message of the rule whose failure Ajv reports at `schemaPath`, or `undefined` for
 * a shape error. The places are few and fixed, so each is looked up once.
 */
const messagesAt: Record<Target, Map<string, string | undefined>> = { quant: new Map(), rho: new Map(), config: new Map() };

function ruleMessage(target: Target, schemaPath: string): string | undefined {
  const known = messagesAt[target];
  if (known.has(schemaPath)) return known.get(schemaPath);
  const rule = RULE_AT.exec(schemaPath);
  const message = rule ? rulesAt(target, schemaPath.slice(0, rule.index + 1))[Number(rule[1])].message : undefined;
  known.set(schemaPath, message);
  return message;
}

/** The rules of the `allOf` at `schemaPath`: a struct's, or (at a whole document's root) the trainer's. */
function rulesAt(target: Target, schemaPath: string): readonly { message: string }[] {
  if (target === "rho" || schemaPath.includes("/properties/rho/")) return rhoRules;
  if (target === "quant" || schemaPath.includes("/properties/quant/")) return quantizationRules;
  return trainerRules;
}

/**
 * The error Rust reports, alone, or `undefined` for a valid value: the `first` validator of
 * the target (shape, then rules, in Rust's order) stops at it. `value` is the built value,
 * whose paths are the input's.
 */
export function firstIssue(target: Target, input: unknown, value: unknown): ValidationIssue | undefined {
  const validate = first[target];
  if (validate(value)) return undefined;
  const [error] = validate.errors ?? [];
  const message = ruleMessage(target, error.schemaPath ?? "");
  if (message === undefined) return shapeIssue(error, input, layouts[target].root);
  return { stage: "validate", path: error.instancePath, message };
}
