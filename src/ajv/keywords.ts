/**
 * The keywords the published schemas carry for editors only: VS Code's `markdownDescription`,
 * `enumDescriptions` and `markdownEnumDescriptions`, taplo's `x-taplo`. They hold no
 * validation meaning; Ajv in strict mode refuses a keyword it does not know.
 */
export const EDITOR_KEYWORDS = ["markdownDescription", "enumDescriptions", "markdownEnumDescriptions", "x-taplo"] as const;

/** The part of an Ajv 8 instance this needs: its options, and the two ways it learns keywords. */
interface AjvLike {
  opts: { allErrors?: boolean };
  addVocabulary(keywords: string[]): unknown;
  addKeyword(keyword: string): unknown;
  getKeyword(keyword: string): unknown;
}

/**
 * Lets an Ajv 8 instance of the caller's, in its default strict mode, compile the published
 * schema files: the editor keywords as a vocabulary, and `errorMessage` (the Rust message of
 * each rule) through ajv-errors where `allErrors` is on, as ajv-errors requires. Without
 * `allErrors` the keyword is known but unused, and a broken rule reports Ajv's own words, which
 * quote the Rust message (`must match pattern "<message>"`). Returns the instance.
 */
export function addBurnDragonKeywords<A extends AjvLike>(ajv: A): A {
  const unknown = EDITOR_KEYWORDS.filter((keyword) => !ajv.getKeyword(keyword));
  if (unknown.length > 0) ajv.addVocabulary([...unknown]);
  if (!ajv.getKeyword("errorMessage")) {
    if (ajv.opts.allErrors) (require("ajv-errors") as { default: (ajv: AjvLike) => unknown }).default(ajv);
    else ajv.addKeyword("errorMessage");
  }
  return ajv;
}
