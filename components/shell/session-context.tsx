"use client";

import { createContext, useContext, type ReactNode } from "react";
import type { Access } from "@/lib/console/session-cookie";

const AccessContext = createContext<Access>({ canChange: true });

/** Gives the console's client components what the session's role allows (see useAccess). */
export function AccessProvider({ access, children }: { access: Access; children: ReactNode }) {
  return <AccessContext.Provider value={access}>{children}</AccessContext.Provider>;
}

/**
 * What the signed-in user may do in the current project: buttons that change something are
 * disabled, with `reason` as their explanation, when `canChange` is false (the reader role).
 */
export function useAccess(): Access {
  return useContext(AccessContext);
}
