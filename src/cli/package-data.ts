import * as fs from "node:fs";
import * as path from "node:path";
import { valueAt } from "../util/pointer";
import { layouts } from "../validate/layouts";
import { SCHEMA_FILES, STRUCT_TARGETS, type StructTarget } from "../validate/targets";
import { validateBurnDragonConfig } from "../validate/validators";

/** The package root, from `dist/cli/`. */
const ROOT = path.resolve(__dirname, "../..");

export function schemaText(which: keyof typeof SCHEMA_FILES): string {
  return fs.readFileSync(path.join(ROOT, "schema", SCHEMA_FILES[which]), "utf8");
}

/** Each struct's defaults, as the validator fills them into an empty config: Rust's `Default` values. */
export function defaults(): Record<StructTarget, unknown> {
  const result = validateBurnDragonConfig({});
  if (!result.valid) throw new Error("the empty config does not validate");
  return Object.fromEntries(STRUCT_TARGETS.map((target) => [target, valueAt(result.value, layouts[target].root)])) as Record<StructTarget, unknown>;
}

interface PackageJson {
  version: string;
  homepage: string;
  repository: { url: string };
}

let manifest: PackageJson | undefined;
/** The package's `package.json`, read once however many of its fields a report names. */
function packageJson(): PackageJson {
  manifest ??= JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as PackageJson;
  return manifest;
}

export function packageVersion(): string {
  return packageJson().version;
}

/** The package's home page, and the web address of a file of its repository (on the default branch). */
export function packageLinks(): { homepage: string; fileUri(file: string): string } {
  const { homepage, repository } = packageJson();
  const web = repository.url.replace(/^git\+/, "").replace(/\.git$/, "");
  return { homepage, fileUri: (file) => `${web}/blob/HEAD/${file}` };
}
