import { copyTable, hasOwn, isOddObject, isTable, setOwn } from "../../dist/util/tables";

test("a table is a plain object of any realm or a null-prototype one; other objects are odd", () => {
  const { runInNewContext } = require("node:vm") as typeof import("node:vm");
  for (const table of [{}, Object.create(null), runInNewContext("({ a: 1 })")]) {
    expect([isTable(table), isOddObject(table)]).toEqual([true, false]);
  }
  for (const odd of [new Map(), new Date(0), new (class Config {})()]) expect([isTable(odd), isOddObject(odd)]).toEqual([false, true]);
  for (const value of [null, undefined, [], "x", 1]) expect([isTable(value), isOddObject(value)]).toEqual([false, false]);
});

test("a copy keeps every own enumerable key as data, `__proto__` and symbols included, and no inherited one", () => {
  const input = JSON.parse('{"a": 1, "__proto__": {"polluted": true}, "b": [2]}') as Record<string, unknown>;
  const inherited = Object.create({ inherited: 1 }) as Record<string, unknown>;
  inherited.own = 2;
  const copy = copyTable(input);
  expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
  expect(Object.keys(copy)).toEqual(["a", "__proto__", "b"]);
  expect(hasOwn(copy, "__proto__")).toBe(true);
  expect(copy.b).toBe(input.b);
  expect(Object.keys(copyTable(inherited))).toEqual(["own"]);
  const symbol = Symbol("kept");
  expect(Object.getOwnPropertySymbols(copyTable({ [symbol]: 1, a: 2 }))).toEqual([symbol]);
  expect(Object.keys(copyTable(Object.defineProperty({ a: 1 }, "hidden", { value: 2, enumerable: false })))).toEqual(["a"]);
  expect(hasOwn(inherited, "inherited")).toBe(false);
});

test("setOwn makes an own data property where plain assignment would call a prototype's setter", () => {
  const table: Record<string, unknown> = {};
  setOwn(table, "__proto__", 1);
  expect(Object.getPrototypeOf(table)).toBe(Object.prototype);
  expect(Object.getOwnPropertyDescriptor(table, "__proto__")).toEqual({ value: 1, enumerable: true, writable: true, configurable: true });
});

