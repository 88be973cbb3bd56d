import fc from "fast-check";
import { childPointer, isWithin, parentPointer, pointerOf, pointerTokens, valueAt } from "../../dist/util/pointer";
import { isTable } from "../../dist/util/tables";

/** Keys as config files may write them: `~` and `/` included, and the empty key. */
const key = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom("~", "/", "~1", "~0/", ""));

test("a pointer made from keys reads back as those keys, RFC 6901 escapes and all", () => {
  fc.assert(
    fc.property(fc.array(key, { maxLength: 5 }), (keys) => {
      const pointer = pointerOf(keys);
      expect(pointerTokens(pointer)).toEqual(keys);
      if (keys.length > 0) {
        expect(parentPointer(pointer)).toBe(pointerOf(keys.slice(0, -1)));
        expect(childPointer(parentPointer(pointer), keys[keys.length - 1])).toBe(pointer);
      }
    }),
  );
});

test("a pointer lies within itself and its ancestors only, not within a sibling sharing its start", () => {
  fc.assert(
    fc.property(fc.array(key, { maxLength: 4 }), fc.array(key, { maxLength: 3 }), (head, tail) => {
      expect(isWithin(pointerOf([...head, ...tail]), pointerOf(head))).toBe(true);
    }),
  );
  expect(isWithin("/extendsX", "/extends")).toBe(false);
  expect(isWithin("/extends", "/extends/0")).toBe(false);
});

test("the value a pointer names is read token by token, escapes included, and through tables only when asked", () => {
  const input = { a: { "b/c": { "~d": [1, 2] } }, "": 5, odd: new Map([["x", 1]]) };
  expect(valueAt(input, "")).toBe(input);
  expect(valueAt(input, "/a/b~1c/~0d/1")).toBe(2);
  expect(valueAt(input, "/")).toBe(5);
  expect(valueAt(input, "/a/x/y")).toBeUndefined();
  expect(valueAt(input, "/a/b~1c/~0d/1/z")).toBeUndefined();
  expect(valueAt(input, "/odd/size")).toBe(1);
  expect(valueAt(input, "/odd/size", isTable)).toBeUndefined();
  expect(valueAt(input, "/a/b~1c/~0d/0", isTable)).toBeUndefined();
});
