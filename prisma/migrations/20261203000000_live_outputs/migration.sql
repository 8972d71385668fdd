-- Outputs are computed from the resources' current state whenever they are read (lib/engine/stack/outputs.ts),
-- as Heat does on stack show; the copy resolved at the end of each operation went stale and is dropped.
ALTER TABLE "Stack" DROP COLUMN "outputs";
