/**
 * A small, deterministic POSIX-shell subset: what the simulated software-config agent uses to "run"
 * a `script` config on a server. It knows variables ($x, ${x}), quoting, command substitution
 * (`...` and $(...)), `;` / `&&` / `||` lists, redirections (>, >>, 2>, 1>&2, >&2, 2>&1) onto an
 * in-memory file system, `set -x` traces, and the builtins scripts use to produce values: echo,
 * printf %s, cat, true, false, exit, export, set, mkdir, touch, sleep. Any other command is "not
 * found" (status 127), as on a server that lacks it.
 */

/** The result of running a script. */
export interface ShellRun {
  stdout: string;
  stderr: string;
  status: number;
  /** The file system after the run (path -> content). */
  files: Map<string, string>;
}

interface Shell {
  env: Map<string, string>;
  files: Map<string, string>;
  trace: boolean;
  exited?: number;
}

interface Output {
  out: string;
  err: string;
}

/** Runs `script` with `env` as its environment; never throws. */
export function runShell(script: string, env: Record<string, string>, files = new Map<string, string>()): ShellRun {
  const lines = script.split("\n");
  const shell: Shell = { env: new Map(Object.entries(env)), files, trace: /^#!\S*\s+-\S*x/.test(lines[0] ?? "") };
  const io: Output = { out: "", err: "" };
  let status = 0;
  for (const line of lines) {
    if (shell.exited !== undefined) break;
    status = runList(shell, line, io, status);
  }
  return { stdout: io.out, stderr: io.err, status: shell.exited ?? status, files };
}

/** Splits a line into `;`, `&&`, `||` separated commands (outside quotes) and runs them. */
function runList(shell: Shell, line: string, io: Output, last: number): number {
  let status = last;
  let op = ";";
  for (const { text, next } of splitList(line)) {
    if (shell.exited !== undefined) break;
    if ((op === "&&" && status !== 0) || (op === "||" && status === 0)) {
      op = next;
      continue;
    }
    if (text.trim()) status = runCommand(shell, text, io);
    op = next;
  }
  return status;
}

function splitList(line: string): { text: string; next: string }[] {
  const parts: { text: string; next: string }[] = [];
  let cur = "";
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = null;
      else if (c === "\\" && quote === '"') cur += line[i++];
      cur += c;
      continue;
    }
    if (c === "#" && (i === 0 || /\s/.test(line[i - 1]))) break;
    if (c === "'" || c === '"' || c === "`") quote = c;
    const two = line.slice(i, i + 2);
    if (two === "&&" || two === "||") {
      parts.push({ text: cur, next: two });
      cur = "";
      i++;
    } else if (c === ";") {
      parts.push({ text: cur, next: ";" });
      cur = "";
    } else cur += c;
  }
  parts.push({ text: cur, next: ";" });
  return parts;
}

/** Expands a command line into words (quotes removed, variables and substitutions expanded). */
function words(shell: Shell, text: string): string[] {
  const out: string[] = [];
  let cur = "";
  let has = false;
  let i = 0;
  const flush = () => {
    if (has) out.push(cur);
    cur = "";
    has = false;
  };
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      flush();
      i++;
    } else if (c === "'") {
      const end = text.indexOf("'", i + 1);
      cur += text.slice(i + 1, end < 0 ? text.length : end);
      has = true;
      i = end < 0 ? text.length : end + 1;
    } else if (c === '"') {
      let j = i + 1;
      let inner = "";
      while (j < text.length && text[j] !== '"') {
        if (text[j] === "\\" && j + 1 < text.length) inner += text[++j];
        else inner += text[j];
        j++;
      }
      cur += expand(shell, inner);
      has = true;
      i = j + 1;
    } else if (c === ">" || (/[12]/.test(c) && text[i + 1] === ">")) {
      // a redirection operator is its own word
      flush();
      const m = /^[12]?>>?(&[12])?/.exec(text.slice(i))!;
      out.push(m[0]);
      i += m[0].length;
    } else {
      let j = i;
      let raw = "";
      while (j < text.length && !/[\s'">]/.test(text[j])) raw += text[j++];
      cur += expand(shell, raw);
      has = true;
      i = j;
    }
  }
  flush();
  return out;
}

/** Expands $name, ${name}, `cmd` and $(cmd) in a piece of text. */
function expand(shell: Shell, text: string): string {
  return text.replace(/\$\{(\w+)\}|\$(\w+)|`([^`]*)`|\$\(([^)]*)\)/g, (_m, braced, plain, tick, paren) => {
    if (braced !== undefined || plain !== undefined) return shell.env.get(braced ?? plain) ?? "";
    const io: Output = { out: "", err: "" };
    runList({ ...shell, trace: false }, tick ?? paren, io, 0);
    return io.out.replace(/\n+$/, "");
  });
}

function runCommand(shell: Shell, text: string, io: Output): number {
  const all = words(shell, text);
  const args: string[] = [];
  const redirects: { fd: "out" | "err"; to: string; append: boolean }[] = [];
  for (let i = 0; i < all.length; i++) {
    const m = /^([12]?)(>>?)(&[12])?$/.exec(all[i]);
    if (!m) {
      args.push(all[i]);
      continue;
    }
    const fd = m[1] === "2" ? "err" : "out";
    if (m[3]) redirects.push({ fd, to: m[3] === "&2" ? "&err" : "&out", append: true });
    else redirects.push({ fd, to: all[++i] ?? "", append: m[2] === ">>" });
  }
  if (args.length === 0) return 0;
  const assignment = /^(\w+)=(.*)$/s.exec(args[0]);
  if (assignment && args.length === 1) {
    shell.env.set(assignment[1], assignment[2]);
    return 0;
  }
  if (shell.trace) io.err += `+ ${args.join(" ")}\n`;
  const own: Output = { out: "", err: "" };
  const status = builtin(shell, args, own);
  const sinks: Record<"out" | "err", (s: string) => void> = { out: (s) => (io.out += s), err: (s) => (io.err += s) };
  for (const r of redirects) {
    if (r.to === "&err") sinks[r.fd] = sinks.err;
    else if (r.to === "&out") sinks[r.fd] = sinks.out;
    else {
      const path = r.to;
      if (!r.append) shell.files.set(path, "");
      sinks[r.fd] = (s) => {
        shell.files.set(path, (shell.files.get(path) ?? "") + s);
      };
    }
  }
  sinks.out(own.out);
  sinks.err(own.err);
  return status;
}

function builtin(shell: Shell, args: string[], io: Output): number {
  const [cmd, ...rest] = args;
  switch (cmd) {
    case "echo": {
      const noNewline = rest[0] === "-n";
      io.out += (noNewline ? rest.slice(1) : rest).join(" ") + (noNewline ? "" : "\n");
      return 0;
    }
    case "printf":
      io.out += (rest[0] ?? "").replace(/%s/g, () => rest.splice(1, 1)[0] ?? "").replace(/\\n/g, "\n");
      return 0;
    case "cat":
      for (const f of rest) {
        const content = shell.files.get(f);
        if (content === undefined) {
          io.err += `cat: ${f}: No such file or directory\n`;
          return 1;
        }
        io.out += content;
      }
      return 0;
    case "exit":
      shell.exited = Number(rest[0] ?? 0) || 0;
      return shell.exited;
    case "export":
      for (const a of rest) {
        const m = /^(\w+)=(.*)$/s.exec(a);
        if (m) shell.env.set(m[1], m[2]);
      }
      return 0;
    case "set":
      if (rest.includes("-x")) shell.trace = true;
      if (rest.includes("+x")) shell.trace = false;
      return 0;
    case "touch":
      for (const f of rest) if (!shell.files.has(f)) shell.files.set(f, "");
      return 0;
    case "true": case "mkdir": case "sleep": case ":":
      return 0;
    case "false":
      return 1;
    default:
      io.err += `sh: 1: ${cmd}: not found\n`;
      return 127;
  }
}
