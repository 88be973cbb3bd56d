import {
  validateBurnDragonConfig,
  validateLowBitQuantizationConfig,
  validateLowBitRhoConfig,
  type ValidateOptions,
  type ValidationResult,
} from "../../dist";
import type { Expectation } from "./vectors";

/** The public validator for each vector/oracle target. */
export const validators: Record<
  "quant" | "rho" | "model",
  (value: unknown, options?: ValidateOptions) => ValidationResult<unknown>
> = {
  quant: validateLowBitQuantizationConfig,
  rho: validateLowBitRhoConfig,
  model: validateBurnDragonConfig,
};

/** A result in the vectors' terms, to compare with what Rust said. */
export function verdictOf(result: ValidationResult<unknown>): Expectation | { valid: false; stage: "deserialize" } {
  if (result.valid) return { valid: true };
  const [first] = result.errors;
  return first.stage === "validate"
    ? { valid: false, stage: "validate", message: first.message }
    : { valid: false, stage: "deserialize" };
}

/** The part of Rust's verdict the package promises to match: serde's own wording is not. */
export function promised(expect: Expectation): Expectation | { valid: false; stage: "deserialize" } {
  return expect.valid || expect.stage === "validate" ? expect : { valid: false, stage: "deserialize" };
}
