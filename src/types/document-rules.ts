import type { BurnDragonConfig } from "./document";
import type { Rules } from "./rule";

/**
 * The trainer's own low-bit check (burn_dragon_language's config `validate()`), run on a whole
 * document after `quant.validate()` and `rho.validate()`. The per-struct validators and their
 * schema files know nothing of it: `low_bit.rs` does not have it.
 */
export const trainerRules: Rules<BurnDragonConfig> = [
  {
    message: "model.rho.detach_between_windows must remain true when model.rho.carry_across_tbptt = false",
    at: ["model", "rho", "detach_between_windows"],
    when: { model: { rho: { carry_across_tbptt: { in: [false] }, detach_between_windows: { in: [false] } } } },
  },
];
