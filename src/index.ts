import type * as Text from "./text/validate-text";

export * from "./validate";
export * from "./types";
export { addBurnDragonKeywords, EDITOR_KEYWORDS } from "./ajv";
export { TRAINER, TRAINER_VERSIONS } from "./trainer";
export type { CheckOptions } from "./text/document-check";
export type { ConfigFormat } from "./text/read-document";

/**
 * `validateConfigText`, with the TOML, JSON and YAML parsers loaded on its first call: a
 * process that only validates objects never reads their code.
 */
export const validateConfigText: typeof Text.validateConfigText = (text, format, options) =>
  (require("./text/validate-text") as typeof Text).validateConfigText(text, format, options);
