import fc from "fast-check";
import { describeFloat, quote } from "../../dist/validate/serde-words";

/** serde's words for a value: the parts written without the general tools they stand in for. */

test("a quoted value is JSON's string literal of it, cut at 60 characters", () => {
  const text = fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" }), fc.string({ unit: fc.constantFrom("\"", "\\", "\n", "\u0000", "\ud800", "\udc00", "é", "a") }));
  fc.assert(
    fc.property(text, (value) => {
      const cut = value.length > 60 ? `${value.slice(0, 60)}…` : value;
      expect(quote(value)).toBe(JSON.stringify(cut));
    }),
    { numRuns: 5000 },
  );
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
