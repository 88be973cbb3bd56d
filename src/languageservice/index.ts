/**
 * The language service: plain functions on the open files' configs, each read as the trainer
 * reads it. The server (`src/server/`) is protocol glue around these.
 */
export { viewConfig, headsAffected, viewsReaching, type ConfigView, type ViewOptions } from "./config-view";
export { diagnosticsOf, FIRST_ERROR, SOURCE } from "./diagnostics";
export { hoverAt } from "./hover";
export { completionsAt } from "./completion";
export { codeActionsAt } from "./code-actions";
export { definitionAt } from "./definition";
export { fromLsp, type UriOf } from "./places";
