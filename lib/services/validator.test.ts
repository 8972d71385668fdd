import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createHearth } from "./index";
import { createValidator } from "./validator";

const root = path.resolve(import.meta.dirname, "../..");
const example = (name: string) => ({ template: fs.readFileSync(path.join(root, "examples", name), "utf8"), templateName: name });

describe("createValidator", () => {
  it("answers as the opened Hearth's validate does, without a database", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hearth-validator-"));
    const hearth = await createHearth({ databaseUrl: `file:${path.join(dir, "h.db")}`, root, recover: false, haMonitor: false, simSpeed: 0 });
    try {
      const validator = createValidator();
      for (const name of ["simple-server.yaml", "bad-cross-region.yaml", "multi-region-demo.yaml"]) {
        const [light, full] = await Promise.all([validator.validate(example(name)), hearth.validate(example(name))]);
        expect(light).toEqual(full);
      }
      expect((await validator.validate(example("bad-cross-region.yaml"))).valid).toBe(false);
      expect((await validator.validate(example("simple-server.yaml"))).valid).toBe(true);
    } finally {
      await hearth.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("opens no database: the file DATABASE_URL names is never made", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hearth-validator-"));
    const file = path.join(dir, "never.db");
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = `file:${file}`;
    try {
      expect((await createValidator().validate(example("multi-region-demo.yaml"))).valid).toBe(true);
      expect(fs.readdirSync(dir)).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = saved;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
