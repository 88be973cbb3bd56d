/** The 1-based line and column where `needle` first stands in `text` (after `after`, if given). */
export function where(text: string, needle: string, after = ""): { line: number; column: number } {
  const start = after ? text.indexOf(after) : 0;
  const offset = text.indexOf(needle, start);
  if (start < 0 || offset < 0) throw new Error(`${JSON.stringify(needle)} is not in the text`);
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, column: before[before.length - 1].length + 1 };
}
