import {
  validateBurnDragonConfig,
  validateLowBitQuantizationConfig,
  validateLowBitRhoConfig,
  type ValidateOptions,
  type ValidationResult,
} from "../../dist";
import type { Target } from "../../src/validate/targets";
import type { Expectation } from "./vectors";

/** The public validator for each target. */
export const validators: Record<Target, (value: unknown, options?: ValidateOptions) => ValidationResult<unknown>> = {
  quant: validateLowBitQuantizationConfig,
  rho: validateLowBitRhoConfig,
  config: validateBurnDragonConfig,
};

/** A verdict as far as the package promises to match Rust's: the stage, and the message of a `validate` rule. */
export type Verdict = { valid: true } | { valid: false; stage: "validate"; message: string } | { valid: false; stage: "deserialize" };

interface Issue {
  stage: string;
  message: string;
}

/**
 * A result in the vectors' terms, to compare with what Rust said: the package's (its first
 * issue), or one that carries a single `error` (the benchmark's hand-written reference).
 */
export function verdictOf(result: { valid: true } | { valid: false; errors: readonly Issue[] } | { valid: false; error: Issue }): Verdict {
  if (result.valid) return { valid: true };
  const first = "error" in result ? result.error : result.errors[0];
  return first.stage === "validate"
    ? { valid: false, stage: "validate", message: first.message }
    : { valid: false, stage: "deserialize" };
}

/** The part of Rust's verdict the package promises to match: serde's own wording is not. */
export function promised(expect: Expectation): Verdict {
  return expect.valid || expect.stage === "validate" ? expect : { valid: false, stage: "deserialize" };
}
