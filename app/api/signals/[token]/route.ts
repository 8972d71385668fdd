import { getHearth } from "@/lib/services";
import { handleSignalPost } from "@/lib/console/signal-post";

/**
 * POST /api/signals/:token — a pre-signed signal URL (ScalingPolicy signal_url / alarm_url): anyone
 * holding it may POST (optionally a JSON body of details); see lib/console/signal-post.ts for the answers.
 */
export async function POST(request: Request, context: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await context.params;
  return handleSignalPost(await getHearth(), token, request);
}
