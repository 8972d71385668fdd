import { describe, expect, it } from "vitest";
import { lazyPort } from "./lazy-port";

interface Port {
  get(key: string): Promise<string>;
}

describe("lazyPort", () => {
  it("loads on the first call only, once, and not when the port itself is awaited", async () => {
    let loads = 0;
    const port = lazyPort<Port>(async () => {
      loads++;
      return { get: async (key) => `value of ${key}` };
    });
    expect(await Promise.resolve(port)).toBe(port);
    expect(loads).toBe(0);
    expect(await Promise.all([port.get("a"), port.get("b")])).toEqual(["value of a", "value of b"]);
    expect(loads).toBe(1);
  });

  it("loads again after a failed load, and names a member that is not a method", async () => {
    let loads = 0;
    const port = lazyPort<Port>(async () => {
      if (++loads === 1) throw new Error("database gone");
      return { get: async () => "ok" };
    });
    await expect(port.get("a")).rejects.toThrow("database gone");
    expect(await port.get("a")).toBe("ok");
    await expect((port as unknown as { nothing(): Promise<unknown> }).nothing()).rejects.toThrow("nothing is not a method of this port");
  });
});
