import * as fs from "node:fs";
import * as path from "node:path";
import type { Target } from "../../src/validate/targets";
import { FIXTURES } from "./project";

/** The verdict Rust gave for a case (the vectors' own words, `rust` holding serde's message). */
export type Expectation =
  | { valid: true }
  | { valid: false; stage: "validate"; message: string }
  | { valid: false; stage: "deserialize"; rust: string };

export interface ObjectVector {
  id: number;
  name?: string;
  target: Target;
  value: unknown;
  expect: Expectation;
}

export interface TextVector {
  id: number;
  format: "json" | "toml";
  text: string;
  expect: Expectation;
}

/** What each vector file holds. */
interface VectorFiles {
  "objects.jsonl": ObjectVector;
  "named.jsonl": ObjectVector;
  "json-text.jsonl": TextVector;
  "toml-text.jsonl": TextVector;
}

/** The vector files' name for each target: they call the whole config document `model`. */
const TARGETS: Record<string, Target> = { quant: "quant", rho: "rho", model: "config" };

const dir = path.join(FIXTURES, "vectors");

/** The cases of a vector file, each object vector's target in the package's words. */
export function readVectors<F extends keyof VectorFiles>(file: F): VectorFiles[F][] {
  return fs
    .readFileSync(path.join(dir, file), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => {
      const vector = JSON.parse(line) as { target?: string };
      if (vector.target !== undefined) {
        if (!Object.hasOwn(TARGETS, vector.target)) throw new Error(`${file}: no target is called ${vector.target}`);
        vector.target = TARGETS[vector.target];
      }
      return vector as VectorFiles[F];
    });
}
