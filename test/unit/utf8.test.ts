import { describe, expect, it } from "vitest";
import { utf8Length } from "../../src/domain/utf8";

describe("utf8Length", () => {
  it("counts bytes as Google's storage limits do", () => {
    expect(utf8Length("abc")).toBe(3);
    expect(utf8Length("é")).toBe(2);
    expect(utf8Length("計画")).toBe(6);
    expect(utf8Length("𠮷")).toBe(4);
    expect(utf8Length("計画".repeat(1000))).toBe(Buffer.byteLength("計画".repeat(1000), "utf8"));
  });
});
