/** Dependency graph: edges from functions + depends_on, topological order, reverse, cycle path. */
export { DependencyGraph } from "./dependency-graph";
