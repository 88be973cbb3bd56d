import { COLOURED, PLAIN, styleOnFirstUse, wantsColour } from "../../dist/report";

/** When the text report is coloured: as asked, else by NO_COLOR, FORCE_COLOR and whether it goes to a terminal. */
test.each([
  ["always", {}, false, true],
  ["never", { FORCE_COLOR: "1" }, true, false],
  ["auto", {}, true, true],
  ["auto", {}, false, false],
  ["auto", { NO_COLOR: "1" }, true, false],
  ["auto", { NO_COLOR: "" }, true, true],
  ["auto", { NO_COLOR: "1", FORCE_COLOR: "1" }, true, false],
  ["auto", { FORCE_COLOR: "1" }, false, true],
  ["auto", { FORCE_COLOR: "0" }, true, false],
  ["always", { NO_COLOR: "1" }, false, true],
] as const)("--color %s with %j, terminal %s: %s", (choice, env, terminal, expected) => {
  expect(wantsColour(choice, env as NodeJS.ProcessEnv, terminal)).toBe(expected);
});

test("a style chosen on first use asks once, and only when something is marked", () => {
  let asked = 0;
  const style = styleOnFirstUse(() => (asked++, true));
  expect(asked).toBe(0);
  expect(style.error("error:")).toBe(COLOURED.error("error:"));
  expect(style.note("=")).toBe(COLOURED.note("="));
  expect(asked).toBe(1);
  expect(styleOnFirstUse(() => false).place("a:1:1:")).toBe(PLAIN.place("a:1:1:"));
});
