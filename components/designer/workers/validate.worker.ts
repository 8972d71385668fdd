/**
 * Web Worker running the engine's validator for the designer, off the page's main thread: typing
 * and canvas gestures never wait for a compile. One request at a time, answered in order.
 */
import { defaultRegistry } from "../../../lib/engine/resources";
import { validateTemplate } from "../model/validate";
import type { ValidationReply, ValidationRequest } from "./validation-client";

/** The worker's global scope, typed by hand (the project compiles against the DOM library). */
const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<ValidationRequest>) => void) | null;
  postMessage(message: ValidationReply): void;
};

scope.onmessage = (event) => {
  const { id, text, region, regions } = event.data;
  const diagnostics = validateTemplate(text, { registry: defaultRegistry, region, regions });
  scope.postMessage({ id, text, diagnostics });
};
