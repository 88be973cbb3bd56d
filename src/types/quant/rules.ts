import type { Rules } from "../rule";
import type { LowBitQuantizationConfig } from "./config";

const enabled = { enable: { in: [true] } } as const;

/** `LowBitQuantizationConfig::validate()`, in source order. */
export const quantizationRules: Rules<LowBitQuantizationConfig> = [
  {
    message: "model.quant.saved_activations.mode requires model.quant.enable = true",
    at: ["saved_activations", "mode"],
    when: { enable: { in: [false] }, saved_activations: { mode: { notIn: ["disabled"] } } },
  },
  {
    message: 'model.quant.protocol must not be "none" when model.quant.enable = true',
    at: ["protocol"],
    when: { ...enabled, protocol: { in: ["none"] } },
  },
  {
    message: "model.quant.target_modules must not be empty when strict_bitnet_reference is enabled",
    at: ["target_modules"],
    when: { ...enabled, strict_bitnet_reference: { in: [true] }, target_modules: { isEmpty: true } },
  },
  {
    message: 'model.quant.act_grouping currently supports only "per_token"',
    at: ["act_grouping"],
    when: { ...enabled, act_grouping: { in: ["per_group", "per_head_group"] } },
  },
  {
    message: 'model.quant.saved_activations.format currently supports only "fp16", "int8", or "int4_exp"',
    at: ["saved_activations", "format"],
    when: { ...enabled, saved_activations: { format: { notIn: ["fp16", "int8", "int4_exp"] } } },
  },
  {
    message: 'model.quant.saved_activations.mode currently requires training_mode = "train_kernel_exp"',
    at: ["saved_activations", "mode"],
    when: {
      ...enabled,
      saved_activations: { mode: { notIn: ["disabled"] } },
      training_mode: { notIn: ["train_kernel_exp"] },
    },
  },
  {
    message: 'model.quant.weight_grouping currently supports only "per_tensor"',
    at: ["weight_grouping"],
    when: { ...enabled, weight_grouping: { in: ["per_group", "per_head_group"] } },
  },
  {
    message:
      'model.quant.act_format = "uint8_pos_exp" is currently only supported when target_modules contains only "encoder"',
    at: ["act_format"],
    when: { ...enabled, act_format: { in: ["uint8_pos_exp"] }, target_modules: { some: { notIn: ["encoder"] } } },
  },
];
