/**
 * Runs console server code (route handlers, server actions) outside `next start` the way Next runs it
 * for a request: inside Next's own request scope built from the request's headers, so `cookies()` and
 * `headers()` read the session cookie the request carries. The benches call the real route and action
 * modules with it; nothing of theirs is mocked.
 */
// First, as `next start` does: Next's request scope lives in the AsyncLocalStorage this puts on globalThis.
import "next/dist/server/node-environment-baseline";
import { workAsyncStorage } from "next/dist/server/app-render/work-async-storage.external";
import { workUnitAsyncStorage } from "next/dist/server/app-render/work-unit-async-storage.external";
import { createRequestStoreForAPI } from "next/dist/server/async-storage/request-store";
import { createWorkStore } from "next/dist/server/async-storage/work-store";
import { getURLFromRedirectError } from "next/dist/client/components/redirect";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { SESSION_COOKIE } from "../../lib/console/session-cookie";

/** The headers a signed-in browser sends: its session cookie. */
export function sessionHeaders(token: string, extra: Record<string, string> = {}): Headers {
  return new Headers({ cookie: `${SESSION_COOKIE}=${token}`, ...extra });
}

/** The options of a dynamic (never prerendered, uncached) route, as `next start` passes them. */
const DYNAMIC_ROUTE = { cacheLifeProfiles: {}, staticPageGenerationTimeout: 60, cacheComponents: false, experimental: {} };

/**
 * Runs `fn` as Next runs a route handler or server action for `request`: in a work store for `page`
 * and a request store whose cookies and headers are the request's.
 */
export function inRequestScope<T>(request: Request, fn: () => Promise<T>, page = "/bench"): Promise<T> {
  const url = new URL(request.url);
  const work = createWorkStore({ page, renderOpts: DYNAMIC_ROUTE, buildId: "bench", deploymentId: "", previouslyRevalidatedTags: [] } as unknown as Parameters<typeof createWorkStore>[0]);
  const requestStore = createRequestStoreForAPI(
    { headers: Object.fromEntries(request.headers) } as unknown as Parameters<typeof createRequestStoreForAPI>[0],
    { pathname: url.pathname, search: url.search },
    undefined as unknown as Parameters<typeof createRequestStoreForAPI>[2],
    undefined,
    undefined,
    undefined,
  );
  return workAsyncStorage.run(work, () => workUnitAsyncStorage.run(requestStore, fn));
}

/** Runs a server action in a request scope; resolves to where it redirected, or throws what it returned instead. */
export async function actionRedirect(request: Request, action: () => Promise<unknown>): Promise<string> {
  try {
    const answer = await inRequestScope(request, action);
    throw new Error(`bench: the action answered instead of redirecting: ${JSON.stringify(answer)}`);
  } catch (error) {
    if (isRedirectError(error)) return getURLFromRedirectError(error);
    throw error;
  }
}
