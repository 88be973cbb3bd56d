import { parseConfigText } from "../text/check";
import type { ConfigDocument } from "../text/document";
import { readFailure } from "../text/read-failure";
import { FileProblem } from "./file-problem";
import { formatOf } from "./format";
import { readText } from "./read-text";

/**
 * One config file as a document whose every position names the file (as `shown`).
 * Throws `FileProblem` when the file cannot be read or is not well-formed.
 */
export function loadDocument(file: string, shown: string = file): ConfigDocument {
  const text = readText(file, shown);
  const format = formatOf(file, shown);
  let document: ConfigDocument;
  try {
    document = parseConfigText(text, format);
  } catch (error) {
    const { issue, at } = readFailure(error, format);
    throw new FileProblem(shown, issue.message, at);
  }
  for (const at of document.positions.values()) at.file = shown;
  for (const { at } of document.duplicates) at.file = shown;
  return document;
}
