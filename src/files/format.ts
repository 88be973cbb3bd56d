import * as path from "node:path";
import type { ConfigFormat } from "../text/check";
import { FileProblem } from "./file-problem";

const BY_EXTENSION: Record<string, ConfigFormat> = { ".toml": "toml", ".json": "json", ".yaml": "yaml", ".yml": "yaml" };

/** The syntax of a config file, from its name. */
export function formatOf(file: string, shown: string = file): ConfigFormat {
  const format = BY_EXTENSION[path.extname(file).toLowerCase()];
  if (!format) {
    throw new FileProblem(shown, `cannot check: unknown file type (expected ${Object.keys(BY_EXTENSION).join(", ")})`);
  }
  return format;
}
