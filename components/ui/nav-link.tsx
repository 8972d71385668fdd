"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

/**
 * A main-navigation link that marks itself as the current page (aria-current plus an underline, not
 * colour alone). It is current on `href` itself and under any of `sections` (e.g. "/stacks").
 */
export function NavLink({ href, sections = [], children }: { href: string; sections?: string[]; children: ReactNode }) {
  const pathname = usePathname();
  const current = pathname === href || sections.some((s) => pathname === s || pathname.startsWith(`${s}/`));
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className={`rounded-md px-3 py-1.5 text-sm font-medium ${
        current
          ? "bg-slate-100 text-slate-900 underline decoration-2 underline-offset-8"
          : "text-slate-600 hover:bg-slate-50 hover:text-slate-900"
      }`}
    >
      {children}
    </Link>
  );
}
