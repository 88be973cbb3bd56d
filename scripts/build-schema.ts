import * as fs from "node:fs";
import * as path from "node:path";
import { schemaFiles } from "./schema/files";

/** Writes `schema/*.json` from `src/types`. */
const dir = path.resolve(__dirname, "../schema");
fs.mkdirSync(dir, { recursive: true });
for (const [name, text] of Object.entries(schemaFiles())) {
  fs.writeFileSync(path.join(dir, name), text);
  console.log(`wrote schema/${name}`);
}
