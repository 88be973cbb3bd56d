import { pathToFileURL } from "node:url";
import { viewConfig, type ConfigView } from "../../dist/languageservice";

/** Editor buffers, by real path: each open file, with its text (unsaved text included). */
export type Buffers = Map<string, string>;

/** Each open buffer's config, read with the buffers before the disk, as the server reads them. */
export function viewsOf(buffers: Buffers): Map<string, ConfigView> {
  const source = { textOf: (real: string) => buffers.get(real) };
  return new Map([...buffers.keys()].map((file) => [file, viewConfig(file, source)]));
}

export const uriOf = (real: string): string => pathToFileURL(real).href;

/** The editor's (0-based) place of the 1-based `line` and `column` a package position gives. */
export const lsp = ({ line, column }: { line: number; column: number }) => ({ line: line - 1, character: column - 1 });
