/**
 * Typed errors of the store: opening a database Hearth cannot use, or a migration that fails. Each
 * carries a stable `code`; createHearth lets them through to the CLI and the console's start-up.
 */

/**
 * Why the store refused: UnsupportedDatabase (a DATABASE_URL this build cannot open),
 * DatabaseUnreachable (the database did not answer or refused the login), MigrationFailed.
 */
export type StoreErrorCode = "UnsupportedDatabase" | "DatabaseUnreachable" | "MigrationFailed";

/** A store failure, with its code. */
export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "StoreError";
  }
}
