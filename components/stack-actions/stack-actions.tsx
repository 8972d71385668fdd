"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useAccess } from "../shell/session-context";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { runStackAction } from "./actions";
import type { OwnerView } from "../stacks/federation-view";
import { availability, isDestructive, type Availability, STACK_ACTIONS, type StackActionName } from "./availability";
import { OwnerNotice } from "./owner-notice";

/** The stack an action bar acts on. */
export interface ActionTarget {
  id: string;
  name: string;
  status: string;
}

/** Button text per action. */
const LABELS: Record<StackActionName, string> = {
  update: "Update",
  check: "Check",
  suspend: "Suspend",
  resume: "Resume",
  cancel: "Cancel",
  delete: "Delete",
};

/** The actions that may ask first: delete and cancel always, the others (but check) on a stack with an owner. */
type ConfirmedAction = Exclude<StackActionName, "update" | "check">;

/** What the confirmation says for each action it guards. */
const CONFIRM: Record<ConfirmedAction, { title: (name: string) => string; body: string; ok: string }> = {
  delete: {
    title: (name) => `Delete stack ${name}?`,
    body: "Every resource of the stack is deleted from the cloud (unless its deletion policy retains it). This cannot be undone.",
    ok: "Delete stack",
  },
  cancel: {
    title: (name) => `Cancel the operation on ${name}?`,
    body: "The running create or update stops; an update is rolled back, a create only when rollback is enabled.",
    ok: "Cancel operation",
  },
  suspend: { title: (name) => `Suspend stack ${name}?`, body: "Its resources are suspended (servers stopped) until it is resumed.", ok: "Suspend stack" },
  resume: { title: (name) => `Resume stack ${name}?`, body: "Its suspended resources are started again.", ok: "Resume stack" },
};

/** Whether `action` asks for confirmation first on a stack that has (or has not) an owner. */
function asksFirst(action: StackActionName, owned: boolean): action is ConfirmedAction {
  return isDestructive(action) || (owned && action !== "update" && action !== "check");
}

const BUTTON = "rounded border px-2 py-1 text-xs font-medium aria-disabled:cursor-not-allowed aria-disabled:opacity-45";
const TONE = { normal: "border-slate-300 bg-white text-slate-800 hover:bg-slate-100", danger: "border-red-300 bg-white text-red-800 hover:bg-red-50" };

/**
 * The actions on one stack (update, check, suspend, resume, cancel, delete). Actions that do not
 * fit the stack's status stay focusable but aria-disabled, with the reason as their description;
 * delete and cancel ask first. After an action starts the page refreshes to show the new status.
 * A session that may only read (reader) gets every action off, with its role as the reason.
 * On a stack with an `owner` (a remote child), suspend, resume and cancel ask first too, naming the
 * owner, and only a confirmed action is sent, with the owner override (update confirms on its page).
 */
export function StackActions({ stack, owner }: { stack: ActionTarget; owner?: OwnerView }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [confirming, setConfirming] = useState<ConfirmedAction | undefined>();
  const [error, setError] = useState<string | undefined>();
  const access = useAccess();
  const offered = (action: StackActionName): Availability => (access.canChange ? availability(action, stack.status) : { enabled: false, reason: access.reason ?? "" });

  const run = (action: Exclude<StackActionName, "update">) =>
    startTransition(async () => {
      setError(undefined);
      const result = await runStackAction({ action, stackId: stack.id, ...(owner && action !== "check" ? { overrideOwner: true } : {}) });
      if (!result.ok) setError(result.error);
      router.refresh();
    });

  const onClick = (action: StackActionName) => {
    if (action === "update" || pending || !offered(action).enabled) return;
    if (asksFirst(action, owner !== undefined)) setConfirming(action);
    else run(action);
  };

  const shown = CONFIRM[confirming ?? "delete"];
  return (
    <div className="space-y-1" data-testid="stack-actions" aria-busy={pending}>
      <div role="group" aria-label={`Actions on ${stack.name}`} className="flex gap-1">
        {STACK_ACTIONS.map((action) => {
          const state = offered(action);
          const reason = state.enabled ? undefined : state.reason;
          const className = `${BUTTON} ${isDestructive(action) ? TONE.danger : TONE.normal}`;
          if (action === "update" && state.enabled)
            return (
              <Link key={action} href={`/stacks/${stack.id}/update`} data-testid="action-update" className={className}>
                {LABELS[action]}
              </Link>
            );
          return (
            <button
              key={action}
              type="button"
              onClick={() => onClick(action)}
              aria-disabled={!state.enabled || pending || undefined}
              title={reason}
              data-testid={`action-${action}`}
              className={className}
            >
              {LABELS[action]}
            </button>
          );
        })}
      </div>
      {error ? (
        <p role="alert" data-testid="action-error" className="max-w-xs text-xs text-red-700">
          {error}
        </p>
      ) : null}
      <ConfirmDialog
        open={confirming !== undefined}
        title={shown.title(stack.name)}
        confirmLabel={owner ? `${shown.ok} anyway` : shown.ok}
        onClose={() => setConfirming(undefined)}
        onConfirm={() => {
          setConfirming(undefined);
          if (confirming) run(confirming);
        }}
      >
        <p>
          Stack <strong data-testid="confirm-stack-name">{stack.name}</strong> is {stack.status.replaceAll("_", " ").toLowerCase()}.
        </p>
        <p className="mt-2">{shown.body}</p>
        {owner ? <OwnerNotice owner={owner} stackName={stack.name} /> : null}
      </ConfirmDialog>
    </div>
  );
}
