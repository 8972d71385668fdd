import { MemoryStackStore } from "../engine/testing/memory-store";
import { describeStackStoreContract } from "./stack-store.contract";

// The engine's in-memory fake must behave like the Prisma store, or engine tests prove nothing.
describeStackStoreContract("MemoryStackStore", async (now) => ({ store: new MemoryStackStore(now), close: async () => {} }));
