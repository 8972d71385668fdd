/** Shows an output or parameter value: strings as they are, anything else as indented JSON. */
export function ValueText({ value }: { value: unknown }) {
  if (value === undefined || value === null) return <span className="text-slate-400">—</span>;
  if (typeof value === "string") return <span className="break-all font-mono text-xs">{value}</span>;
  return <pre className="whitespace-pre-wrap break-all font-mono text-xs">{JSON.stringify(value, null, 2)}</pre>;
}
