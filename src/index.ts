export {
  validateBurnDragonConfig,
  validateLowBitQuantizationConfig,
  validateLowBitRhoConfig,
} from "./validate";
export type { ValidationIssue, ValidationResult, ValidationStage } from "./result";
export * from "./types";
