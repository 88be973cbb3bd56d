import { trainerRules } from "./document-rules";
import { quantizationRules } from "./quant/rules";
import { rhoRules } from "./rho/rules";

/**
 * Whose rules each list is, by the type's name in `src/types`: each struct's `validate()`,
 * and the trainer's own check of the whole document.
 */
export const rulesByType = {
  BurnDragonConfig: trainerRules,
  LowBitQuantizationConfig: quantizationRules,
  LowBitRhoConfig: rhoRules,
} as const;
