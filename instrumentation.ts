/**
 * Next.js server start hook: on the Node.js runtime, refuses TRACE/TRACK/CONNECT with a 405
 * (lib/console/method-guard.ts), opens Hearth (applies database migrations,
 * recovers operations a previous server left unfinished) and, on an empty database, starts creating
 * the demo stack (HEARTH_DEMO=0 skips it). The Edge runtime never loads the engine.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ getHearth, configFromEnv }, { createDemoIfEmpty }, { installMethodGuard }, http] = await Promise.all([
    import("./lib/services"),
    import("./lib/services/demo"),
    import("./lib/console/method-guard"),
    import("node:http"),
  ]);
  installMethodGuard(http.Server);
  const hearth = await getHearth();
  const demo = await createDemoIfEmpty(hearth, configFromEnv().root);
  if (demo) console.log(`hearth: creating the demo stack (${demo.stackId})`);
}
