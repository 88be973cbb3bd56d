/** How the text report marks its parts: in colour on a terminal, as plain text elsewhere. */
export interface Style {
  place(text: string): string;
  error(text: string): string;
  warning(text: string): string;
  gutter(text: string): string;
  note(text: string): string;
}

const sgr = (open: string) => (text: string) => (text === "" ? text : `\u001b[${open}m${text}\u001b[0m`);
const plainText = (text: string) => text;

export const PLAIN: Style = { place: plainText, error: plainText, warning: plainText, gutter: plainText, note: plainText };
export const COLOURED: Style = { place: sgr("1"), error: sgr("1;31"), warning: sgr("1;33"), gutter: sgr("34"), note: sgr("36") };

export type ColorChoice = "auto" | "always" | "never";

/**
 * Whether to colour: `always` and `never` as said; `auto` as the conventions have it, a set
 * `NO_COLOR` turning colour off, a set `FORCE_COLOR` (other than `0`) on, else colour only on a
 * terminal.
 */
export function wantsColour(choice: ColorChoice, env: NodeJS.ProcessEnv, isTerminal: boolean): boolean {
  if (choice !== "auto") return choice === "always";
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false";
  return isTerminal;
}

/**
 * A style chosen when it is first used: whether to colour may cost a look at the terminal, and
 * a report with nothing to mark (every file valid) never asks.
 */
export function styleOnFirstUse(coloured: () => boolean): Style {
  let chosen: Style | undefined;
  const style = () => (chosen ??= coloured() ? COLOURED : PLAIN);
  return {
    place: (text) => style().place(text),
    error: (text) => style().error(text),
    warning: (text) => style().warning(text),
    gutter: (text) => style().gutter(text),
    note: (text) => style().note(text),
  };
}
