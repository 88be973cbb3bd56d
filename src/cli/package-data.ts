import * as fs from "node:fs";
import * as path from "node:path";
import { SCHEMA_FILES } from "../validate/targets";
import { validateBurnDragonConfig } from "../validate/validators";

/** The package root, from `dist/cli/`. */
const ROOT = path.resolve(__dirname, "../..");

export function schemaText(which: keyof typeof SCHEMA_FILES): string {
  return fs.readFileSync(path.join(ROOT, "schema", SCHEMA_FILES[which]), "utf8");
}

/** The defaults, as the validator fills them into an empty config: Rust's `Default` values. */
export function defaults(): { quant: unknown; rho: unknown } {
  const result = validateBurnDragonConfig({});
  if (!result.valid) throw new Error("the empty config does not validate");
  const { quant, rho } = result.value.model;
  return { quant, rho };
}

export function packageVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version;
}
