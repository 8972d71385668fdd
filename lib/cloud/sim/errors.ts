/** Constructors for the sim's CloudErrors, with OpenStack's wording. */
import { CloudError } from "../../engine/ports";

/** "<What> <id> could not be found." (NotFound). */
export function notFound(what: string, id: string): CloudError {
  return new CloudError("NotFound", `${what} ${id} could not be found.`);
}

/** The error for an unknown server, as the openstack client words it. */
export function serverNotFound(id: string): CloudError {
  return new CloudError("NotFound", `No server with a name or ID of '${id}' exists.`);
}

/** A request that conflicts with the current state (HTTP 409). */
export function conflict(message: string): CloudError {
  return new CloudError("Conflict", message);
}

/** A malformed or impossible request (HTTP 400). */
export function badRequest(message: string): CloudError {
  return new CloudError("BadRequest", message);
}
