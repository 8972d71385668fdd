-- The HA monitor reads only the stacks holding the resource types it watches (alarms, groups, failover
-- policies): listStacks({resourceTypes}) finds them through this index instead of reading every stack.
CREATE INDEX "Resource_type_stackId_idx" ON "Resource"("type", "stackId");
