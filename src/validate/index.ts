export { validateBurnDragonConfig, validateLowBitQuantizationConfig, validateLowBitRhoConfig } from "./validators";
export type { Deserialized, ValidateOptions, ValidationIssue, ValidationIssues, ValidationResult, ValidationStage } from "./result";
