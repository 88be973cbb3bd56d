export type * from "./quant/enums";
export type * from "./rho/enums";
export type { LowBitQuantizationConfig, LowBitSavedActivationConfig } from "./quant/config";
export type { LowBitRhoConfig } from "./rho/config";
export type { BurnDragonConfig, BurnDragonModelConfig } from "./document";
export type { Condition, FieldName, FieldPath, FieldTest, ListTest, Rule, Rules, ValueTest } from "./rule";
export { quantizationRules } from "./quant/rules";
export { rhoRules } from "./rho/rules";
export { trainerRules } from "./document-rules";
