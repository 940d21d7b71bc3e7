/**
 * Elle's consistency-model algebra (elle/consistency_model.clj): which anomalies a set of models prohibits, which
 * models a set of anomalies rules out, and the `not` / `also-not` boundary reported in results.
 */
import {
  ALL_MODELS,
  CANONICAL_MODEL_NAMES,
  DIRECT_PROSCRIBED,
  FRIENDLY_MODEL_NAMES,
  IMPLIED_ANOMALIES,
  MODELS,
} from './elle-tables';

type Adjacency = Readonly<Record<string, readonly string[]>>;

function invert(graph: Adjacency): Adjacency {
  const inverted: Record<string, string[]> = {};
  for (const [from, tos] of Object.entries(graph)) {
    for (const to of tos) (inverted[to] ??= []).push(from);
  }
  return inverted;
}

const IMPLYING_ANOMALIES = invert(IMPLIED_ANOMALIES);
const MODELS_IMPLYING = invert(MODELS);
const MODELS_PROSCRIBING = invert(DIRECT_PROSCRIBED);
const KNOWN_MODELS = new Set(ALL_MODELS);

/** The start vertices plus everything reachable from them (Bifurcan's `bfsVertices`). */
function reach(graph: Adjacency, starts: Iterable<string>): Set<string> {
  const seen = new Set<string>();
  const queue = [...starts];
  for (let i = 0; i < queue.length; i++) {
    const v = queue[i];
    if (seen.has(v)) continue;
    seen.add(v);
    for (const w of graph[v] ?? []) if (!seen.has(w)) queue.push(w);
  }
  return seen;
}

export function canonicalModelName(model: string): string {
  return CANONICAL_MODEL_NAMES[model] ?? model;
}

export function friendlyModelName(model: string): string {
  return FRIENDLY_MODEL_NAMES[model] ?? model;
}

export function isKnownModel(model: string): boolean {
  return KNOWN_MODELS.has(model);
}

export function allKnownModels(): readonly string[] {
  return ALL_MODELS;
}

function validated(models: Iterable<string>): string[] {
  const list = [...models];
  const unknown = list.filter((m) => !KNOWN_MODELS.has(m));
  if (unknown.length > 0) throw new Error(`Unknown consistency model ${unknown.join(', ')}`);
  return list;
}

/** Anomalies which would imply any of the given anomalies (including themselves). */
export function allAnomaliesImplying(anomalies: Iterable<string>): Set<string> {
  return reach(IMPLYING_ANOMALIES, anomalies);
}

/** Anomalies implied by the given ones (including themselves). */
export function allImpliedAnomalies(anomalies: Iterable<string>): Set<string> {
  return reach(IMPLIED_ANOMALIES, anomalies);
}

export function allImpliedModels(models: Iterable<string>): Set<string> {
  return reach(MODELS, validated(models).map(canonicalModelName));
}

export function allImpossibleModels(impossible: Iterable<string>): Set<string> {
  return reach(MODELS_IMPLYING, validated(impossible).map(canonicalModelName));
}

/** Anomalies that cannot be present if all the given models hold. */
export function anomaliesProhibitedBy(models: Iterable<string>): Set<string> {
  const direct: string[] = [];
  for (const m of allImpliedModels([...models].map(canonicalModelName)))
    direct.push(...(DIRECT_PROSCRIBED[m] ?? []));
  return allAnomaliesImplying(direct);
}

/** Models which cannot hold given these anomalies. */
export function anomaliesToImpossibleModels(anomalies: Iterable<string>): Set<string> {
  const models: string[] = [];
  for (const a of allImpliedAnomalies(anomalies)) models.push(...(MODELS_PROSCRIBING[a] ?? []));
  return allImpossibleModels(models);
}

/** Elle's `weakest-models`: drops every model some other member of the set implies. */
function weakestModels(models: Iterable<string>): Set<string> {
  const ms = [...models].map(canonicalModelName);
  const result = new Set(ms);
  for (const model of ms) {
    const others = new Set(result);
    others.delete(model);
    const below = reach(MODELS, [model]);
    if ([...below].some((m) => others.has(m))) result.delete(model);
  }
  return result;
}

/** `{not, also-not}`: the weakest models the anomalies rule out, and the remaining (stronger) ruled-out ones. */
export function friendlyBoundary(anomalies: Iterable<string>): { not: string[]; 'also-not': string[] } {
  const impossible = anomaliesToImpossibleModels(anomalies);
  const isNot = weakestModels(impossible);
  const friendly = (ms: Iterable<string>): string[] => [...new Set([...ms].map(friendlyModelName))].sort();
  return { not: friendly(isNot), 'also-not': friendly([...impossible].filter((m) => !isNot.has(m))) };
}
