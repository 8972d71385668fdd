/** Types of scripts/cli-build.mjs (plain JavaScript: it runs before anything is compiled). */

/** Builds the CLI from `root`'s sources into a new dist/cli folder; resolves to its entry's absolute path. */
export function buildCli(root: string): Promise<string>;

/** The absolute path of a CLI entry built from `root`'s current sources, building one when an input changed. */
export function currentCli(root: string): Promise<string>;
