import * as fs from "node:fs";
import * as path from "node:path";
import { DOCS_DIR, docFiles } from "./docs/doc-files";
import { PYTHON_SCHEMA_DIR, SCHEMA_DIR, schemaFiles } from "./schema/schema-files";

/** Writes `schema/*.json` (and the Python package's copy) and `docs/reference.md` from `src/types`. */
const schemas = schemaFiles();
for (const [dir, files] of [
  [SCHEMA_DIR, schemas],
  [PYTHON_SCHEMA_DIR, schemas],
  [DOCS_DIR, docFiles()],
] as const) {
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    fs.writeFileSync(path.join(dir, name), text);
    console.log(`wrote ${path.relative(path.resolve(__dirname, ".."), path.join(dir, name))}`);
  }
}
