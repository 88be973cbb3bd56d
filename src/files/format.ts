import * as path from "node:path";
import type { ConfigFormat } from "../text/read-document";
import { FileProblem } from "./file-problem";

const BY_EXTENSION: Record<string, ConfigFormat> = { ".toml": "toml", ".json": "json", ".yaml": "yaml", ".yml": "yaml" };

/** The extensions a config file is known by, each with its dot. */
export const CONFIG_EXTENSIONS: readonly string[] = Object.keys(BY_EXTENSION);

/** The syntax of a config file, from its name, or `otherwise` when its name does not tell. */
export function formatOf(file: string, shown: string = file, otherwise?: ConfigFormat): ConfigFormat {
  const format = BY_EXTENSION[path.extname(file).toLowerCase()] ?? otherwise;
  if (!format) {
    const known = CONFIG_EXTENSIONS.join(", ");
    throw new FileProblem(shown, `cannot check: unknown file type (expected ${known}, or name the syntax with --syntax)`);
  }
  return format;
}
