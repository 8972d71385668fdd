"use client";

import type { ExampleTemplate } from "@/lib/services/examples";

/** The examples gallery: one card per example template; choosing one loads it into the form. */
export function ExampleGallery({ examples, selected, onPick }: { examples: ExampleTemplate[]; selected?: string; onPick: (example: ExampleTemplate) => void }) {
  if (examples.length === 0) return null;
  return (
    <section aria-labelledby="examples-title" data-testid="example-gallery">
      <h2 id="examples-title" className="text-sm font-medium text-slate-800">
        Start from an example
      </h2>
      <ul className="mt-2 grid grid-cols-2 gap-2">
        {examples.map((example) => {
          const current = example.file === selected;
          return (
            <li key={example.file}>
              <button
                type="button"
                onClick={() => onPick(example)}
                aria-pressed={current}
                data-testid="example"
                data-file={example.file}
                className={`h-full w-full rounded-md border px-3 py-2 text-left hover:bg-slate-50 ${current ? "border-sky-600 bg-sky-50 ring-1 ring-sky-600" : "border-slate-200 bg-white"}`}
              >
                <span className="block text-sm font-medium text-slate-900">
                  {current ? <span aria-hidden="true">✓ </span> : null}
                  {example.title}
                </span>
                <span className="mt-0.5 block text-xs text-slate-600">{example.description}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
