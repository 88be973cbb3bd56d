export { validateConfigText } from "./validate-text";
export { CONFIG_FORMATS, readDocument, type ConfigFormat } from "./read-document";
export { checkDocument, type CheckOptions, type DocumentCheck } from "./document-check";
export type { ConfigDocument } from "./config-document";
export type { Located } from "./located";
export type { Position } from "./parse/position";
export { readFailure } from "./read-failure";
export { ConfigSyntaxError } from "./parse/syntax-error";
