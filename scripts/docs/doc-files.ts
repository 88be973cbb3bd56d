import * as path from "node:path";
import { referenceMarkdown } from "./reference";

export const DOCS_DIR = path.resolve(__dirname, "../../docs");

/** The exact bytes of each generated file under `docs/`. */
export function docFiles(): Record<string, string> {
  return { "reference.md": referenceMarkdown() };
}
