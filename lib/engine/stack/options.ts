/**
 * The checks of create, update and preview options that every surface shares (the REST API, the CLI,
 * the console, nested stacks): one place, so each refuses a bad option in the same words.
 */
import { EngineError } from "../errors";

/** The longest stack timeout: 2^31 - 1 ms, the longest a timer can wait (about 24.8 days). */
export const MAX_TIMEOUT_MINS = 35_791;

/** Refuses a timeout that is not a whole number of minutes from 1 to MAX_TIMEOUT_MINS (BadRequest); absent is fine. */
export function checkTimeout(timeoutMins: number | undefined): void {
  if (timeoutMins === undefined || (Number.isInteger(timeoutMins) && timeoutMins >= 1 && timeoutMins <= MAX_TIMEOUT_MINS)) return;
  const given = Number.isNaN(timeoutMins) ? "a number" : String(timeoutMins);
  throw new EngineError("BadRequest", `"timeout_mins" must be a whole number of minutes from 1 to ${MAX_TIMEOUT_MINS}, not ${given}.`);
}
