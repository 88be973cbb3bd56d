import * as fs from "node:fs";
import * as path from "node:path";
import { FIXTURES } from "./project";

/** The verdict Rust gave for a case (see test/fixtures/vectors/README.md). */
export type Expectation =
  | { valid: true }
  | { valid: false; stage: "validate"; message: string }
  | { valid: false; stage: "deserialize"; rust: string };

export interface ObjectVector {
  id: number;
  name?: string;
  target: "quant" | "rho" | "model";
  value: unknown;
  expect: Expectation;
}

export interface TextVector {
  id: number;
  format: "json" | "toml";
  text: string;
  expect: Expectation;
}

const dir = path.join(FIXTURES, "vectors");

export function readVectors<T>(file: string): T[] {
  return fs
    .readFileSync(path.join(dir, file), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as T);
}
