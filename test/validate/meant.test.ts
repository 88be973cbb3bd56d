import { meantName } from "../../dist/validate/meant";
import { validateLowBitQuantizationConfig } from "../../dist";
import { quantizationVariants } from "../../src/types/quant/variants";

/** The one name a misspelt or mis-cased one most likely meant: only a single answer counts. */
const PROTOCOLS = Object.keys(quantizationVariants.BitNetLowBitProtocol);

test.each([
  ["BitNet_B158", "bitnet_b158"],
  ["NONE", "none"],
  ["bitnet_b", "bitnet_b1"],
  ["bitent_b1", "bitnet_b1"],
  ["bitnet_v2_epx", "bitnet_v2_exp"],
  ["bitnet_a48exp", "bitnet_a48_exp"],
])("%s means %s", (given, meant) => expect(meantName(given, PROTOCOLS)).toBe(meant));

test.each([
  ["bitnet_b15", "one edit from both bitnet_b1 and bitnet_b158"],
  ["bitnet", "more than one edit from any"],
  ["b158", "far from all"],
  ["none", "itself a name"],
])("%s means none of them (%s)", (given) => expect(meantName(given, PROTOCOLS)).toBeUndefined());

test("a name in two cases among the names is no single answer", () => expect(meantName("ab", ["Ab", "aB"])).toBeUndefined());

test("an unknown variant with a single answer says it, and carries it", () => {
  const result = validateLowBitQuantizationConfig({ protocol: "BitNet_B158" });
  expect(result).toMatchObject({ valid: false, errors: [{ path: "/protocol", suggestion: "bitnet_b158" }] });
  if (!result.valid) expect(result.errors[0].message).toMatch(/, expected one of `none`, .*`bitnet_v2_exp`; did you mean `bitnet_b158`\?$/);
  const none = validateLowBitQuantizationConfig({ protocol: "bitnet" });
  expect(none.valid || none.errors[0].suggestion).toBeUndefined();
});
