export { validateConfigText } from "./validate-text";
export { checkDocument, parseConfigText, type CheckOptions, type ConfigFormat, type DocumentCheck } from "./check";
export type { ConfigDocument } from "./document";
export type { Located } from "./located";
export type { Position } from "./position";
export { readFailure } from "./read-failure";
export { ConfigSyntaxError } from "./syntax-error";
