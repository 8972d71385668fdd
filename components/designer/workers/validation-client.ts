/**
 * Validation off the keystroke path: texts go to a Web Worker (validate.worker.ts), at most one in
 * flight; texts sent while it works are coalesced to the newest, so a burst of keys costs one extra
 * compile, not one per key. Replies arrive in order; one older than the last delivered is dropped.
 * Without Worker support (tests, old browsers) the same queue runs on the main thread in a task.
 */
import type { Diagnostic } from "../../../lib/engine/diagnostics";

/** A text to validate for a region set. */
export interface ValidationRequest {
  id: number;
  text: string;
  region: string;
  regions: string[];
}

/** The validator's answer for one request. */
export interface ValidationReply {
  id: number;
  text: string;
  diagnostics: Diagnostic[];
}

/** Runs one request somewhere and reports the reply (a worker, or the main thread). */
export interface ValidationBackend {
  post(request: ValidationRequest): void;
  onReply(handler: (reply: ValidationReply) => void): void;
  close(): void;
}

/** A queue of validations: `request` any number of times, replies come to `deliver`. */
export interface ValidationClient {
  request(text: string, region: string, regions: string[]): void;
  close(): void;
}

/** A client over `backend`; `deliver` sees each newest-so-far reply once. */
export function createValidationClient(backend: ValidationBackend, deliver: (reply: ValidationReply) => void): ValidationClient {
  let nextId = 1;
  let busy = false;
  let pending: ValidationRequest | undefined;
  let delivered = 0;
  let closed = false;
  const send = (request: ValidationRequest) => {
    busy = true;
    backend.post(request);
  };
  backend.onReply((reply) => {
    busy = false;
    if (closed) return;
    if (reply.id > delivered) {
      delivered = reply.id;
      deliver(reply);
    }
    const next = pending;
    pending = undefined;
    if (next) send(next);
  });
  return {
    request(text, region, regions) {
      const request = { id: nextId++, text, region, regions };
      if (busy) pending = request;
      else send(request);
    },
    close() {
      closed = true;
      backend.close();
    },
  };
}

/** A backend that validates on the main thread, one task per request (the fallback and the tests' backend). */
export function inlineBackend(validate: (request: ValidationRequest) => Diagnostic[]): ValidationBackend {
  let handler: (reply: ValidationReply) => void = () => undefined;
  return {
    post(request) {
      setTimeout(() => handler({ id: request.id, text: request.text, diagnostics: validate(request) }), 0);
    },
    onReply(h) {
      handler = h;
    },
    close() {
      handler = () => undefined;
    },
  };
}

/** A backend over a Web Worker running validate.worker.ts. */
export function workerBackend(worker: Worker): ValidationBackend {
  return {
    post: (request) => worker.postMessage(request),
    onReply: (handler) => {
      worker.onmessage = (event: MessageEvent<ValidationReply>) => handler(event.data);
    },
    close: () => worker.terminate(),
  };
}
