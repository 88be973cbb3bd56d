export { validateConfigText } from "./validate-text";
export { checkDocument, parseConfigText, type CheckOptions, type ConfigFormat, type DocumentCheck } from "./document-check";
export type { ConfigDocument } from "./document";
export type { Located } from "./located";
export type { Position } from "./parse/position";
export { readFailure } from "./read-failure";
export { ConfigSyntaxError } from "./parse/syntax-error";
