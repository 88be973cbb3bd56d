/**
 * Whose verdicts and messages this package gives: the rules and messages of
 * `burn_dragon_core`'s `low_bit.rs`, on configs read the way the trainer `burn_dragon_language`
 * reads them, with the crates its Cargo.lock pins.
 */
export const TRAINER = {
  rules: { crate: "burn_dragon_core", version: "0.5.0", file: "low_bit.rs" },
  loader: { crate: "burn_dragon_language", version: "0.5.0" },
  crates: { toml: "0.9.12", serde: "1.0.228" },
} as const;

/** The same, in one line: `burn_dragon_core 0.5.0 low_bit.rs; burn_dragon_language 0.5.0 with toml 0.9.12, serde 1.0.228`. */
export const TRAINER_VERSIONS = `${TRAINER.rules.crate} ${TRAINER.rules.version} ${TRAINER.rules.file}; ${TRAINER.loader.crate} ${TRAINER.loader.version} with ${Object.entries(TRAINER.crates)
  .map(([crate, version]) => `${crate} ${version}`)
  .join(", ")}`;
