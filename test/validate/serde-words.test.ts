import fc from "fast-check";
import { describeFloat, quote } from "../../dist/validate/serde-words";

/** serde's words for a value (the oracle's own, on many more strings, in test/text/oracle-words.test.ts). */

test("a quoted value is the text itself in double quotes where Rust prints every character, cut at 60 characters", () => {
  const printable = fc.string({ unit: fc.constantFrom("a", "Z", "0", " ", "é", "ü", "→", "😀", "'", "~") });
  fc.assert(
    fc.property(printable, (value) => {
      const cut = value.length > 60 ? `${value.slice(0, 60)}…` : value;
      expect(quote(value)).toBe(`"${cut}"`);
    }),
    { numRuns: 2000 },
  );
  expect(quote('a"b\\c\n\t\r\0')).toBe(String.raw`"a\"b\\c\n\t\r\0"`);
  expect(quote("\u001b\u007f\u200b\u00a0\u0301")).toBe(String.raw`"\u{1b}\u{7f}\u{200b}\u{a0}\u{301}"`);
});

test("a finite float is written in all its digits with a point, no exponent, and reads back as the same number", () => {
  fc.assert(
    fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
      const written = /^floating point `(.*)`$/.exec(describeFloat(value))?.[1];
      expect(written).toMatch(/^-?\d+\.\d+$/);
      expect(Object.is(Number(written), value)).toBe(true);
    }),
    { numRuns: 5000 },
  );
  expect(describeFloat(1e21)).toBe("floating point `1000000000000000000000.0`");
  expect(describeFloat(1.5e-7)).toBe("floating point `0.00000015`");
  expect([Infinity, -Infinity, NaN].map(describeFloat)).toEqual(["floating point `inf`", "floating point `-inf`", "floating point `NaN`"]);
});
