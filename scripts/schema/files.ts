import { schemaDocuments } from "./documents";

/** The exact bytes of each published schema file. */
export function schemaFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [name, schema] of Object.entries(schemaDocuments())) {
    files[name] = `${JSON.stringify(schema, null, 2)}\n`;
  }
  return files;
}
