/** C0 and C1 controls, DEL, line and paragraph separators, and the bidirectional overrides and isolates. */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { "\t": "\\t", "\n": "\\n", "\r": "\\r" };

/**
 * Text from a config file (names, values, paths) with its control characters escaped, so that a
 * config can neither break a report's line nor send a terminal or a CI log escape sequences.
 */
export function escapeControls(text: string): string {
  return text.replace(CONTROLS, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
