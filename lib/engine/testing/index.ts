/** Fakes for testing the engine and the parts built on it. */
export { FakeClock, flushAsync } from "./fake-clock";
export { gateLockReleases } from "./gated-release";
export { systemClock as realClock } from "../stack/system-clock";
export { MemoryIdentity } from "./memory-identity";
export { MemoryStackStore, matchesFilter } from "./memory-store";
export { TestWorld, testPlugins, testRegistry } from "./plugins";
export { handCompile } from "./hand-compiler";
export { createTestEngine, seeded, type TestEngine, type TestEngineOptions } from "./test-engine";
