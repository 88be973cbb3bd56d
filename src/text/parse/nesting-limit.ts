/**
 * How deep tables and lists may nest, in every syntax and every table of a document. Configs
 * nest a few levels (upstream's at most four); the bound is checked before anything walks a
 * document deeply, so that every walk fits a fixed stack whatever the caller has left, and a
 * deeper text gets this one issue in every syntax.
 */
export const MAX_NESTING_DEPTH = 256;

/** Why a text nested deeper than `MAX_NESTING_DEPTH` is refused. */
export function tooDeep(): string {
  return `it is nested more than ${MAX_NESTING_DEPTH} levels deep`;
}
