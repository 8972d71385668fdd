/**
 * Types of the monaco-editor ESM entry points Hearth loads directly (the package only types its
 * main entry, editor.api).
 */
declare module "monaco-editor/esm/vs/editor/edcore.main.js" {
  export * from "monaco-editor";
}

declare module "monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution.js";
