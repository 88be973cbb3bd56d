/**
 * Compile-time proof that rule declarations are checked against the config types:
 * `npm run typecheck` fails if any line marked `@ts-expect-error` stops being an error.
 */
import type { BurnDragonConfig, LowBitQuantizationConfig, LowBitRhoConfig, Rule } from "../../src/types";

export const accepted: Rule<LowBitQuantizationConfig> = {
  message: "m",
  at: ["saved_activations", "mode"],
  when: { enable: { in: [true] }, target_modules: { some: { notIn: ["encoder"] } } },
};

export const misspeltField: Rule<LowBitQuantizationConfig> = {
  message: "m",
  at: ["protocol"],
  // @ts-expect-error `enabled` is not a field of LowBitQuantizationConfig
  when: { enabled: { in: [true] } },
};

export const misspeltVariant: Rule<LowBitQuantizationConfig> = {
  message: "m",
  at: ["protocol"],
  // @ts-expect-error `bitnet_b_158` is not a BitNetLowBitProtocol
  when: { protocol: { in: ["bitnet_b_158"] } },
};

export const miscasedVariant: Rule<LowBitRhoConfig> = {
  message: "m",
  at: ["precision"],
  // @ts-expect-error variants are case-sensitive
  when: { precision: { notIn: ["FP32"] } },
};

export const nestedMisspelt: Rule<LowBitQuantizationConfig> = {
  message: "m",
  at: ["saved_activations", "mode"],
  // @ts-expect-error `modes` is not a field of LowBitSavedActivationConfig
  when: { saved_activations: { modes: { in: ["disabled"] } } },
};

export const wrongAt: Rule<LowBitRhoConfig> = {
  message: "m",
  // @ts-expect-error `at` must name a field
  at: ["compresion"],
  when: {},
};

export const wrongListTest: Rule<LowBitQuantizationConfig> = {
  message: "m",
  at: ["target_modules"],
  // @ts-expect-error list items are target modules, not protocols
  when: { target_modules: { some: { in: ["bitnet_b1"] } } },
};

export const boolAsString: Rule<LowBitQuantizationConfig> = {
  message: "m",
  at: ["enable"],
  // @ts-expect-error `enable` is a boolean
  when: { enable: { in: ["true"] } },
};

export const documentRule: Rule<BurnDragonConfig> = {
  message: "m",
  at: ["model", "rho", "detach_between_windows"],
  when: { model: { rho: { carry_across_tbptt: { in: [false] } } } },
};

export const documentMisspelt: Rule<BurnDragonConfig> = {
  message: "m",
  at: ["model", "rho", "precision"],
  // @ts-expect-error an open table's index signature names no field: `modle` is a typo
  when: { modle: { rho: { carry_across_tbptt: { in: [false] } } } },
};

export const documentWrongAt: Rule<BurnDragonConfig> = {
  message: "m",
  // @ts-expect-error `at` must name a field, at every level
  at: ["model", "rho", "detach"],
  when: {},
};
