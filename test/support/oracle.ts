import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import type { Target } from "../../src/validate/targets";
import type { Verdict } from "./targets";

/** `../shared` beside the project (or BURN_DRAGON_SHARED): absent in a fresh clone elsewhere. */
export const SHARED_DIR = path.resolve(process.env.BURN_DRAGON_SHARED ?? path.join(__dirname, "../../../shared"));
const BUILD_SCRIPT = path.join(SHARED_DIR, "oracle/build.sh");

/** The oracle's targets: the structs of low_bit.rs alone, and whole documents as the trainer reads them. */
export type OracleTarget = "quant" | "rho" | "trainer-model" | "trainer-json" | "trainer-toml" | "trainer-files";

/** The oracle's target for each of the package's: a whole config is judged as the trainer judges it. */
export const ORACLE_TARGETS: Record<Target, OracleTarget> = { quant: "quant", rho: "rho", config: "trainer-model" };

/** One answer of the Rust oracle (see ../shared/oracle/README.md); `merged` from `trainer-files` on success. */
export type OracleVerdict =
  | { ok: true; merged?: unknown }
  | { ok: false; stage: "parse" | "validate" | "load" | "usage" | "panic"; message: string };

/** What the package promises to say of a case the oracle judged: Rust's stage, and a `validate` rule's message. */
export function promisedByRust(rust: OracleVerdict): Verdict {
  if (rust.ok) return { valid: true };
  return rust.stage === "validate" ? { valid: false, stage: "validate", message: rust.message } : { valid: false, stage: "deserialize" };
}

/** Why the oracle cannot run here, or null when it can. */
export function oracleUnavailable(): string | null {
  if (fs.existsSync(BUILD_SCRIPT)) return null;
  return `the Rust oracle is not here (${BUILD_SCRIPT} is missing; set BURN_DRAGON_SHARED to the folder holding oracle/)`;
}

let binary: string | undefined;

/** Where build.sh puts the binary (its ORACLE_TARGET_DIR). */
const BUILT = path.join(process.env.ORACLE_TARGET_DIR ?? "/tmp/burn-dragon-oracle-target", "release/lowbit-oracle");

/** The newest modification time of the oracle's sources. */
function newestSource(dir = path.join(SHARED_DIR, "oracle")): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(file) : fs.statSync(file).mtimeMs);
  }
  return newest;
}

/**
 * The oracle's binary: the one built before when it is newer than every source, else built
 * now (cargo, offline). build.sh builds from a fresh copy of the sources, which costs a full
 * compile each time; test files in other processes then share one build.
 */
export function oracleBinary(): string {
  if (binary) return binary;
  if (fs.existsSync(BUILT) && fs.statSync(BUILT).mtimeMs > newestSource()) return (binary = BUILT);
  binary = execFileSync("bash", [BUILD_SCRIPT], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] })
    .trim()
    .split("\n")
    .pop()!;
  return binary;
}

/** Asks the oracle for the verdict on each case, in one process run. */
export function askOracle(cases: readonly { target: OracleTarget; value: unknown }[]): OracleVerdict[] {
  return askOracleLines(cases).map((line) => JSON.parse(line) as OracleVerdict);
}

/** The oracle's answer lines as it writes them (a float's text kept: `2.0` is not `2`). */
export function askOracleLines(cases: readonly { target: OracleTarget; value: unknown }[]): string[] {
  const input = cases.map((c) => JSON.stringify(c)).join("\n") + "\n";
  const run = spawnSync(oracleBinary(), { input, encoding: "utf8", maxBuffer: 1 << 30 });
  if (run.status !== 0) throw new Error(`oracle failed (${run.status}): ${run.stderr}`);
  const lines = run.stdout.trim().split("\n");
  if (lines.length !== cases.length) throw new Error(`oracle answered ${lines.length} of ${cases.length} cases`);
  return lines;
}
