"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";

/**
 * A modal confirmation (native <dialog> opened with showModal: the rest of the page is inert, so
 * focus stays inside; Esc closes). Focus starts on Cancel, the safe choice, and returns to the
 * element that opened it when it closes.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  onConfirm,
  onClose,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const id = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      opener.current = document.activeElement as HTMLElement | null;
      element.showModal();
      cancel.current?.focus();
    } else if (!open && opener.current) {
      if (element.open) element.close();
      opener.current.focus();
      opener.current = null;
    }
  }, [open]);

  return (
    <dialog
      ref={dialog}
      aria-modal="true"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onClose={onClose}
      data-testid="confirm-dialog"
      className="m-auto w-full max-w-md rounded-lg border border-slate-200 bg-white p-6 text-slate-900 shadow-xl backdrop:bg-[rgb(0_0_0/0.55)]"
    >
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {title}
      </h2>
      <div id={`${id}-body`} className="mt-2 text-sm text-slate-700">
        {children}
      </div>
      <div className="mt-6 flex justify-end gap-3">
        <button ref={cancel} type="button" onClick={onClose} data-testid="confirm-cancel" className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50">
          Keep it
        </button>
        <button type="button" onClick={onConfirm} data-testid="confirm-ok" className="rounded-md bg-red-700 px-4 py-2 text-sm font-medium text-white hover:bg-red-800">
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
