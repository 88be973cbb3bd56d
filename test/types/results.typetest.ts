/**
 * Compile-time proof that results are usable as published (`dist/index.d.ts`) under
 * `--strict --noUncheckedIndexedAccess`, without `!` or casts: a valid result's `value` has
 * every field, an invalid result's `errors` has a first issue, and inputs stay partial.
 * test/types/rules.test.ts compiles it with those flags; every line marked
 * `@ts-expect-error` must be an error, every other line must compile.
 */
import {
  validateBurnDragonConfig,
  validateConfigText,
  validateLowBitQuantizationConfig,
  validateLowBitRhoConfig,
  type BurnDragonConfig,
  type Deserialized,
  type LowBitQuantizationConfig,
  type LowBitRhoConfig,
  type LowBitSavedActivationMode,
  type LowBitTargetModule,
  type LowBitWeightFormat,
  type RhoPrecisionConfig,
  type ValidationIssue,
  type ValidationIssues,
} from "../../dist";

// Inputs stay partial: any subset of the fields is a config to validate.
export const quantInput: LowBitQuantizationConfig = { enable: true };
export const rhoInput: LowBitRhoConfig = {};
export const documentInput: BurnDragonConfig = { model: { rho: { precision: "fp32" } }, training: { steps: 1 } };

const quant = validateLowBitQuantizationConfig(quantInput);
if (quant.valid) {
  const enable: boolean = quant.value.enable;
  const mode: LowBitSavedActivationMode = quant.value.saved_activations.mode;
  const modules: LowBitTargetModule[] = quant.value.target_modules;
  // An `Option` field is present, as `null` when unset.
  const encoder: LowBitWeightFormat | null = quant.value.encoder_mode;
  // @ts-expect-error `null` is still a possible value of an `Option` field
  const encoderSet: LowBitWeightFormat = quant.value.encoder_mode;
  // @ts-expect-error a valid result has no errors
  quant.errors;
  void [enable, mode, modules, encoder, encoderSet];
} else {
  const first: ValidationIssue = quant.errors[0];
  const message: string = quant.errors[0].message;
  // @ts-expect-error only the first issue is certain to be there
  const second: ValidationIssue = quant.errors[1];
  // @ts-expect-error an invalid result has no value
  quant.value;
  void [first, message, second];
}

// @ts-expect-error the value is only there once the result is narrowed to valid
validateLowBitRhoConfig({}).value;

const rho = validateLowBitRhoConfig(rhoInput, { allErrors: false });
if (rho.valid) {
  const precision: RhoPrecisionConfig = rho.value.precision;
  const carry: boolean = rho.value.carry_across_tbptt;
  void [precision, carry];
} else {
  const [first] = rho.errors;
  const path: string = first.path;
  void path;
}

const document = validateBurnDragonConfig(documentInput);
if (document.valid) {
  // `model`, `model.quant` and `model.rho` are there, as in Rust's struct.
  const precision: RhoPrecisionConfig = document.value.model.rho.precision;
  const enable: boolean = document.value.model.quant.enable;
  const saved: LowBitSavedActivationMode = document.value.model.quant.saved_activations.mode;
  // Keys the document leaves open are kept, of unknown type.
  const training: unknown = document.value.training;
  // @ts-expect-error an open key's value is not known to be a table
  document.value.training.steps;
  // @ts-expect-error `precison` is not a field
  document.value.model.rho.precison;
  void [precision, enable, saved, training];
}

const text = validateConfigText("[model.quant]\nenable = true\n", "toml", { strict: true });
if (text.valid) {
  const stats: boolean = text.value.model.rho.stats_monitoring;
  void stats;
} else {
  const line: number | undefined = text.errors[0].line;
  void line;
}

// The value types are the config types with every field required, nested structs too;
// a value is an input as it is.
if (rho.valid) {
  const again: LowBitRhoConfig = rho.value;
  validateLowBitRhoConfig(again);
}
// @ts-expect-error a deserialized struct lacks no field
export const lacking: Deserialized<LowBitRhoConfig> = { precision: "bf16" };
// @ts-expect-error a nested struct is complete too
export const lackingNested: Deserialized<LowBitQuantizationConfig>["saved_activations"] = { mode: "disabled" };

export const one: ValidationIssues = [{ stage: "validate", path: "", message: "m" }];
// @ts-expect-error an invalid result always carries an issue
export const none: ValidationIssues = [];
