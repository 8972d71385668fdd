/**
 * `hearth cloud ...`: the simulated cloud's inventory (columns as `openstack server|volume|network
 * list`, plus Region; `hearth cloud object list` for placeholder objects), volume data read and written through the attached server (`hearth cloud volume
 * write|read`, to check that data survives a failover) and fault injection (`hearth cloud fault ...`).
 */
import type { CloudInventory, FaultCommand } from "../../lib/services/types";
import { UsageError, type CommandSpec, type ParsedArgs } from "../args";
import { FORMAT_OPTION, type Command } from "../context";
import { formatList, formatShow, parseFormat } from "../format";

const LIST_SPEC = (what: string): CommandSpec => ({
  usage: `hearth cloud ${what} list [--region <region>] [-f table|json|value]`,
  options: { ...FORMAT_OPTION, region: { type: "string" } },
  positionals: [],
});

/** A listing of the inventory, one row per item. */
function inventoryList<T>(what: string, columns: string[], pick: (inv: CloudInventory) => T[], row: (item: T) => unknown[]): Command {
  return {
    path: ["cloud", what, "list"],
    summary: `List ${what}s of the simulated cloud`,
    spec: LIST_SPEC(what),
    async run(args, ctx) {
      const format = parseFormat(args.string("format"), ["table", "json", "value"], "table");
      const inventory = await (await ctx.open()).cloudInventory(args.string("region"));
      ctx.print(formatList(columns, pick(inventory).map(row), format));
    },
  };
}

const regionList: Command = {
  path: ["cloud", "region", "list"],
  summary: "List regions of the simulated cloud",
  spec: { usage: "hearth cloud region list [-f table|json|value]", options: FORMAT_OPTION, positionals: [] },
  async run(args, ctx) {
    const format = parseFormat(args.string("format"), ["table", "json", "value"], "table");
    const { regions } = await (await ctx.open()).cloudInventory();
    ctx.print(formatList(["Region", "Available"], regions.map((r) => [r.name, r.available]), format));
  },
};

const GUEST_COLUMNS = ["Volume", "Server", "Region", "Key", "Content"];

const volumeWrite: Command = {
  path: ["cloud", "volume", "write"],
  summary: "Write data on a volume through the server it is attached to",
  spec: {
    usage: "hearth cloud volume write <volume> <key> <content> [--server <server>] [-f table|json|value]",
    options: { ...FORMAT_OPTION, server: { type: "string" } },
    positionals: ["volume", "key", "content"],
  },
  async run(args, ctx) {
    const format = parseFormat(args.string("format"), ["table", "json", "value"], "table");
    const content = args.arg("content");
    const at = await (await ctx.open()).volumeGuest.write(args.arg("volume"), args.arg("key"), content, args.string("server"));
    ctx.print(formatShow(GUEST_COLUMNS, [at.volumeId, at.serverId, at.region, args.arg("key"), content], format));
  },
};

const volumeRead: Command = {
  path: ["cloud", "volume", "read"],
  summary: "Read data on a volume through the server it is attached to (exit 1 when the key holds nothing)",
  spec: {
    usage: "hearth cloud volume read <volume> <key> [--server <server>] [-f table|json|value]",
    options: { ...FORMAT_OPTION, server: { type: "string" } },
    positionals: ["volume", "key"],
  },
  async run(args, ctx) {
    const format = parseFormat(args.string("format"), ["table", "json", "value"], "table");
    const key = args.arg("key");
    const read = await (await ctx.open()).volumeGuest.read(args.arg("volume"), key, args.string("server"));
    if (read.content === undefined) {
      ctx.warn(`Nothing is stored under "${key}" on volume ${read.volumeId} (read through server ${read.serverId}).`);
      return 1;
    }
    ctx.print(formatShow(GUEST_COLUMNS, [read.volumeId, read.serverId, read.region, key, read.content], format));
  },
};

/** Reads a positive whole count. */
function count(text: string | undefined): number {
  if (text === undefined) return 1;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--count must be a positive whole number, not "${text}"`);
  return n;
}

/** A `cloud fault <kind>` command built from its arguments. */
function fault(kind: FaultCommand["kind"], summary: string, positionals: string[], options: CommandSpec["options"], build: (args: ParsedArgs) => FaultCommand): Command {
  const words = positionals.map((p) => `<${p.replace(/\?$/, "")}>`).join(" ");
  return {
    path: ["cloud", "fault", kind],
    summary,
    spec: { usage: `hearth cloud fault ${kind} ${words}`.trim(), options, positionals },
    async run(args, ctx) {
      await (await ctx.open()).fault(build(args));
    },
  };
}

const faultCommands: Command[] = [
  fault("fail-next", "Make the next calls of an operation fail in a region", ["region", "operation"], { count: { type: "string" }, message: { type: "string" } }, (a) => ({
    kind: "fail-next",
    region: a.arg("region"),
    operation: a.arg("operation"),
    count: count(a.string("count")),
    message: a.string("message"),
  })),
  fault("crash-server", "Crash a server (ERROR, unhealthy)", ["server"], {}, (a) => ({ kind: "crash-server", serverId: a.arg("server") })),
  fault("hang-server", "Hang a server (ACTIVE but unresponsive)", ["server"], {}, (a) => ({ kind: "hang-server", serverId: a.arg("server") })),
  fault("recover-server", "Undo a crash or hang", ["server"], {}, (a) => ({ kind: "recover-server", serverId: a.arg("server") })),
  fault("region-offline", "Take a region offline", ["region"], {}, (a) => ({ kind: "region-offline", region: a.arg("region") })),
  fault("region-online", "Bring a region back online", ["region"], {}, (a) => ({ kind: "region-online", region: a.arg("region") })),
  fault("clear", "Remove every injected fault (of one region with --region)", [], { region: { type: "string" } }, (a) => ({ kind: "clear", region: a.string("region") })),
];

/** Every cloud command. */
export const cloudCommands: Command[] = [
  regionList,
  inventoryList("server", ["ID", "Name", "Status", "Networks", "Image", "Flavor", "Region"], (inv) => inv.servers, (s) => [
    s.id,
    s.name,
    s.status,
    s.addresses.map((a) => `${a.network}=${a.address}`).join(", "),
    s.imageId,
    s.flavorId,
    s.region,
  ]),
  inventoryList("volume", ["ID", "Name", "Status", "Size", "Attached to", "Region"], (inv) => inv.volumes, (v) => [
    v.id,
    v.name,
    v.status,
    v.sizeGb,
    v.attachments.map((a) => `Attached to ${a.serverId} on ${a.device}`).join("\n"),
    v.region,
  ]),
  volumeWrite,
  volumeRead,
  inventoryList("network", ["ID", "Name", "Subnets", "Region"], (inv) => inv.networks, (n) => [n.id, n.name, n.subnets.join(", "), n.region]),
  inventoryList("object", ["ID", "Kind", "Name", "Status", "Region"], (inv) => inv.objects, (o) => [o.id, o.kind, o.name, o.status, o.region]),
  ...faultCommands,
];
