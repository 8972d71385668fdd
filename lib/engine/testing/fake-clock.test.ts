import { describe, expect, it } from "vitest";
import { FakeClock } from "./fake-clock";

describe("FakeClock", () => {
  it("fires sleeps in time order only when advanced", async () => {
    const clock = new FakeClock(0);
    const fired: string[] = [];
    void clock.sleep(300).then(() => fired.push(`b@${clock.now()}`));
    void clock.sleep(100).then(() => fired.push(`a@${clock.now()}`));
    await clock.advance(99);
    expect(fired).toEqual([]);
    await clock.advance(250);
    expect(fired).toEqual(["a@100", "b@300"]);
    expect(clock.now()).toBe(349);
    expect(clock.pendingTimers()).toBe(0);
  });

  it("rejects an aborted sleep with the signal's reason and forgets its timer", async () => {
    const clock = new FakeClock(0);
    const abort = new AbortController();
    const sleeping = clock.sleep(1000, abort.signal);
    abort.abort(new Error("stop"));
    await expect(sleeping).rejects.toThrow("stop");
    expect(clock.pendingTimers()).toBe(0);
  });

  it("run() jumps from timer to timer until the promise settles, and reports a promise that can never settle", async () => {
    const clock = new FakeClock(0);
    const chained = (async () => {
      await clock.sleep(60_000);
      await clock.sleep(60_000);
      return clock.now();
    })();
    expect(await clock.run(chained)).toBe(120_000);
    await expect(clock.run(new Promise(() => undefined))).rejects.toThrow(/no timer is waiting/);
    await expect(clock.run(clock.sleep(10_000), 5_000)).rejects.toThrow(/still pending after 5000 ms/);
  });
});
