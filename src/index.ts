export {
  validateBurnDragonConfig,
  validateLowBitQuantizationConfig,
  validateLowBitRhoConfig,
} from "./validate";
export type { Deserialized, ValidateOptions, ValidationIssue, ValidationIssues, ValidationResult, ValidationStage } from "./result";
export * from "./types";
export { validateConfigText } from "./config-text";
export type { CheckOptions, ConfigFormat } from "./text/check";
