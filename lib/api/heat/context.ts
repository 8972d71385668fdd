/**
 * What every orchestration route sees: the Hearth scoped to the token's project, the request, its
 * query, the links of this endpoint, and the caller's roles; plus stack lookup by name and id as
 * Heat's `/stacks/{stack_name}/{stack_id}` paths require.
 */
import type { StackRecord } from "../../engine/stack/ports";
import { notFound } from "../../engine/errors";
import type { TokenInfo } from "../../services/identity";
import type { Hearth } from "../../services/types";
import type { Linker } from "./views";

/** The context of one orchestration request. */
export interface HeatContext {
  /** Hearth seen from the token's project. */
  hearth: Hearth;
  request: Request;
  query: URLSearchParams;
  /** `<origin>/heat-api/v1/<project_id>`. */
  base: string;
  links: Linker;
  token: TokenInfo;
}

/** The stack named by a canonical path: its id must exist in the project and its name match. */
export async function stackAt(ctx: HeatContext, name: string, id: string): Promise<StackRecord> {
  const { stack } = await ctx.hearth.getStack(id);
  if (stack.id !== id || (stack.name !== name && name !== id)) throw notFound(`The Stack (${name}/${id})`);
  return stack;
}
