/**
 * Web Worker running the engine's validator for the designer, off the page's main thread: typing
 * and canvas gestures never wait for a compile. One request at a time, answered in order. The type
 * registry (Heat's whole catalogue, most of the worker's bytes) is loaded once, on the first request,
 * as a chunk of its own: the worker starts with the template compiler only.
 */
import type { TypeRegistry } from "../../../lib/engine/resources/types";
import { validateTemplate } from "../model/validate";
import type { ValidationReply, ValidationRequest } from "./validation-client";

/** The worker's global scope, typed by hand (the project compiles against the DOM library). */
const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<ValidationRequest>) => void) | null;
  postMessage(message: ValidationReply): void;
};

let registry: Promise<TypeRegistry> | undefined;
/** The default registry, imported on first use and kept. */
const loadRegistry = () => (registry ??= import("../../../lib/engine/resources").then((m) => m.defaultRegistry));

scope.onmessage = async (event) => {
  const { id, text, region, regions } = event.data;
  const diagnostics = validateTemplate(text, { registry: await loadRegistry(), region, regions });
  scope.postMessage({ id, text, diagnostics });
};
