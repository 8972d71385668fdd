/**
 * Templates: compile StackInput (HOT YAML/JSON + environments + parameters) into a CompiledStack,
 * parse documents with source positions, and list the supported template versions.
 */
export { compileStack } from "./compile";
export { parseTemplateDocument, type TemplateDocument } from "./document";
export { TEMPLATE_VERSIONS, listTemplateVersions, findVersion, type TemplateVersion, type TemplateVersionInfo } from "./versions";
export type * from "./types";
