import { describeCloudPortContract } from "../../engine/ports/cloud-port.contract";
import { createMemoryPersistence, createSimCloud, openSimCloud } from ".";

describeCloudPortContract("SimCloud", () => {
  const sim = createSimCloud({ seed: 1 });
  return { cloud: sim, setRegionAvailable: (region, available) => sim.faults.setRegionOnline(region, available), floatingNetwork: "public", peer: async () => sim };
});

describeCloudPortContract("SimCloud on a store two processes share", async () => {
  const persistence = createMemoryPersistence();
  const sim = await openSimCloud({ seed: 1, persistence });
  return {
    cloud: sim,
    setRegionAvailable: (region, available) => sim.faults.setRegionOnline(region, available),
    floatingNetwork: "public",
    peer: async () => {
      await sim.flush();
      return openSimCloud({ seed: 2, persistence });
    },
  };
});
