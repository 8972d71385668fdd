/**
 * Monaco, bundled with the console (never fetched from a CDN): the editor core with its standard
 * features, YAML highlighting, and the editor worker from the installed package. Import this only
 * from client components loaded with `dynamic(..., { ssr: false })`: Monaco needs a browser.
 */
import { loader } from "@monaco-editor/react";
import * as monaco from "monaco-editor/esm/vs/editor/edcore.main.js";
import "monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution.js";

/** The worker Monaco asks for: only the editor worker (no language services are registered). */
function editorWorker(): Worker {
  return new Worker(new URL("monaco-editor/esm/vs/editor/editor.worker.js", import.meta.url), { type: "module" });
}

let configured = false;

/** Points @monaco-editor/react at the bundled Monaco and tells Monaco where its worker is (once). */
export function setUpMonaco(): typeof monaco {
  if (!configured) {
    self.MonacoEnvironment = { getWorker: editorWorker };
    loader.config({ monaco });
    configured = true;
  }
  return monaco;
}
