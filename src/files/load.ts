import { readDocument, type ConfigFormat } from "../text/read-document";
import type { ConfigDocument } from "../text/config-document";
import { readFailure } from "../text/read-failure";
import { FileProblem } from "./file-problem";
import { RefusedConfig } from "./refused-config";
import { formatOf } from "./format";
import { heldText, readStdin, readText } from "./read-text";
import type { TextSource } from "./text-source";
import type { LoadedFile } from "./extends";

/** How standard input is named in reports. */
export const STDIN = "<stdin>";

/** A config file's text: from `source` where it holds it, else from disk. Throws `FileProblem` when it cannot be read. */
export function loadText(file: string, shown: string = file, source?: TextSource): string {
  const held = source?.textOf(file);
  return held === undefined ? readText(file, shown) : heldText(held, shown);
}

/**
 * A config file's text as a document whose every position names the file (as `shown`);
 * `syntax` is the syntax of a file whose extension is not a known one. Throws `RefusedConfig`
 * when it is not well-formed, `FileProblem` when its kind is unknown or it is beyond what is checked.
 */
export function textDocument(text: string, file: string, shown: string = file, syntax?: ConfigFormat): ConfigDocument {
  return documentOf(text, formatOf(file, shown, syntax), shown);
}

/** Standard input as a document in `syntax`, named `<stdin>`. */
export function loadStdin(syntax: ConfigFormat): LoadedFile & { document: ConfigDocument } {
  const file: LoadedFile = { real: STDIN, shown: STDIN, text: readStdin(STDIN), bases: [], via: [] };
  try {
    return { ...file, document: documentOf(file.text!, syntax, STDIN) };
  } catch (error) {
    // What was read is kept, for the report to show where it stands.
    if (error instanceof RefusedConfig || error instanceof FileProblem) error.files = new Map([[STDIN, file]]);
    throw error;
  }
}

function documentOf(text: string, format: ConfigFormat, shown: string): ConfigDocument {
  let document: ConfigDocument;
  try {
    document = readDocument(text, format);
  } catch (error) {
    const { located, unchecked } = readFailure(error, format);
    const at = { ...located.at, file: shown };
    if (unchecked !== undefined) throw new FileProblem(shown, `cannot check: ${unchecked}`, at);
    throw new RefusedConfig({ issue: located.issue, at });
  }
  for (const at of document.positions.values()) at.file = shown;
  for (const { at } of document.duplicates) at.file = shown;
  for (const { key, value } of document.spans.values()) {
    for (const range of [key, value]) if (range) range.start.file = range.end.file = shown;
  }
  return document;
}
