/**
 * What every orchestration route sees: the Hearth scoped to the token's project, the request, its
 * query, the links of this endpoint, and the caller's roles; plus stack lookup by name and id as
 * Heat's `/stacks/{stack_name}/{stack_id}` paths require.
 */
import type { StackRecord } from "../../engine/ports";
import { notFound } from "../../engine/errors";
import type { TokenInfo } from "../../services/identity";
import type { Hearth } from "../../services/types";
import type { Linker } from "./views";

/** The context of one orchestration request. */
export interface HeatContext {
  /** Hearth seen from the token's project. */
  hearth: Hearth;
  /** The region of the endpoint the request came to: the home region of what it creates and sees. */
  region: string;
  request: Request;
  query: URLSearchParams;
  /** `<origin>/heat-api/v1/<project_id>`. */
  base: string;
  links: Linker;
  token: TokenInfo;
}

/**
 * The stack named by a path: its id (or, for a lookup, its name or id) must exist in the project,
 * its name match, and its home be the endpoint's region (another region's endpoint does not know it).
 */
export async function stackAt(ctx: HeatContext, name: string, id: string): Promise<StackRecord> {
  const stack = await ctx.hearth.findStack(id);
  const matches = (stack.id === id || (name === id && stack.name === id)) && (stack.name === name || name === id);
  if (!matches || stack.region !== ctx.region) throw notFound(`The Stack (${name === id ? name : `${name}/${id}`})`);
  return stack;
}
