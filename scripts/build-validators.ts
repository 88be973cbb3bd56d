import * as fs from "node:fs";
import * as path from "node:path";
import { standaloneModule, type ValidatorKind } from "./compile/ajv";
import { documentShape } from "./compile/document-shape";
import { typesDocument } from "./schema/from-types";
import { readPublishedSchemas } from "./schema/schema-files";
import { assertStructTargets, SCHEMA_FILES, type Target } from "../src/validate/targets";
import { structTargets } from "../src/validate/shape";

/**
 * Compiles the published `schema/*.json` (not a fresh generation: what ships is what is
 * checked) with Ajv into two standalone modules per target, so that a process loads only what
 * it uses: `verdict-<target>.js`, valid or not; `explain-<target>.js`, every error of an
 * invalid value. Writes the document's shape, from `src/types`, too.
 */
const out = path.resolve(__dirname, "../dist/generated");
fs.mkdirSync(out, { recursive: true });
const schemas = readPublishedSchemas();
const written = new Set<string>();

function write(file: string, content: string): void {
  fs.writeFileSync(path.join(out, file), content);
  written.add(file);
  console.log(`wrote dist/generated/${file} (${content.length} bytes)`);
}

const document = documentShape(typesDocument());
write("document-shape.json", `${JSON.stringify(document)}\n`);
assertStructTargets(structTargets(document).map(({ name }) => name), SCHEMA_FILES.config);
for (const [target, file] of Object.entries(SCHEMA_FILES) as [Target, (typeof SCHEMA_FILES)[Target]][]) {
  for (const kind of ["verdict", "explain"] as ValidatorKind[]) write(`${kind}-${target}.js`, standaloneModule(schemas[file], kind));
}

// Files of an earlier layout go; files are replaced in place, never all removed first, so a
// process reading dist/ meanwhile finds every module.
for (const file of fs.readdirSync(out)) if (!written.has(file)) fs.rmSync(path.join(out, file));
