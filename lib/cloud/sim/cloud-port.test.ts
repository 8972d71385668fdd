import { describeCloudPortContract } from "../../engine/ports/cloud-port.contract";
import { createSimCloud } from ".";

describeCloudPortContract("SimCloud", () => {
  const sim = createSimCloud({ seed: 1 });
  return { cloud: sim, setRegionAvailable: (region, available) => sim.faults.setRegionOnline(region, available), floatingNetwork: "public" };
});
