import type { EnvDocument, EnvEntry, EnvNode } from './dotenv/types.js';

/**
 * Three-way merge of `.env` documents per variable, on entry source text. Used when local edits
 * meet incoming changes (post-checkout/post-merge) and by the git merge driver.
 *
 * The incoming side is the skeleton (its order and comments are what the team shares); each
 * variable the local side changed relative to the base is applied onto it. A variable both sides
 * changed differently is a conflict, reported by name only.
 */
export interface MergeResult {
  /** The merged document; when there are conflicts, conflicting variables keep the incoming text. */
  doc: EnvDocument;
  /** Variable names both sides changed differently, and `STRUCTURE_CONFLICT` when both reworded comments or reordered lines. */
  conflicts: string[];
  /** Variables whose local change was applied on top of the incoming side. */
  keptLocal: string[];
}

/** Reported in `conflicts` when both sides changed comments, blank lines or the order of lines. */
export const STRUCTURE_CONFLICT = '(comments, blank lines or line order)';

export function mergeEnvDocuments(base: EnvDocument | undefined, local: EnvDocument, incoming: EnvDocument): MergeResult {
  const b = base ? entriesByName(base) : new Map<string, string>();
  const l = entriesByName(local);
  const i = entriesByName(incoming);
  const conflicts: string[] = [];
  const localChanges = new Map<string, string | undefined>();
  const incomingChanges = new Map<string, string | undefined>();

  for (const name of new Set([...l.keys(), ...i.keys(), ...b.keys()])) {
    const lv = l.get(name);
    const iv = i.get(name);
    // Without a base (both sides added the file), nothing is known to be unchanged: a variable
    // on both sides with different text is a conflict, one on a single side is an addition.
    const bv = b.get(name);
    if (lv === iv) continue; // same on both sides
    if (lv === bv) incomingChanges.set(name, iv); // only incoming changed
    else if (iv === bv) localChanges.set(name, lv); // only local changed
    else conflicts.push(name);
  }

  // The skeleton (comments, blank lines, order) comes from the side that changed it; when both
  // did, neither is applied silently: the caller keeps the local file and shows the incoming one.
  const localShaped = base !== undefined ? restructured(base, local) : false;
  const incomingShaped = base !== undefined ? restructured(base, incoming) : true;
  if (localShaped && incomingShaped && skeleton(local) !== skeleton(incoming)) conflicts.push(STRUCTURE_CONFLICT);
  const [skeletonDoc, changes, from] = localShaped && !incomingShaped ? [local, incomingChanges, incoming] : [incoming, localChanges, local];
  let nodes = skeletonDoc.nodes.slice();
  for (const [name, source] of changes) nodes = applyChange(nodes, name, source, from);
  // Conflicting variables read as incoming whichever skeleton was used (the caller shows both).
  if (skeletonDoc === local) for (const name of conflicts) if (name !== STRUCTURE_CONFLICT) nodes = applyChange(nodes, name, i.get(name), incoming);
  return { doc: { bom: skeletonDoc.bom, nodes: renumber(nodes) }, conflicts: conflicts.sort(), keptLocal: [...localChanges.keys()].sort() };
}

/**
 * Whether `side` changed the file's shape relative to `base` beyond adding, removing or changing
 * variables: a comment or blank line edited, added or removed, or the remaining lines reordered.
 */
function restructured(base: EnvDocument, side: EnvDocument): boolean {
  const baseNames = new Set(base.nodes.flatMap((node) => (node.kind === 'entry' ? [node.name] : [])));
  const sideNames = new Set(side.nodes.flatMap((node) => (node.kind === 'entry' ? [node.name] : [])));
  const shared = (name: string) => baseNames.has(name) && sideNames.has(name);
  return skeleton(base, shared) !== skeleton(side, shared);
}

/** Comments and blank lines as written, entries by name only (those `keep` accepts). */
function skeleton(doc: EnvDocument, keep: (name: string) => boolean = () => true): string {
  return doc.nodes
    .filter((node) => node.kind !== 'entry' || keep(node.name))
    .map((node) => (node.kind === 'entry' ? `=${node.name}` : `#${node.source}`))
    .join('\n');
}

/** A variable's identity for merging: the source text of all its occurrences, in order. */
function entriesByName(doc: EnvDocument): Map<string, string> {
  const map = new Map<string, string>();
  for (const node of doc.nodes) {
    if (node.kind !== 'entry') continue;
    const previous = map.get(node.name);
    map.set(node.name, previous === undefined ? node.source : `${previous}\n${node.source}`);
  }
  return map;
}

/** Replaces, removes or appends `name` so that it reads as it does in `from`. */
function applyChange(nodes: EnvNode[], name: string, source: string | undefined, from: EnvDocument): EnvNode[] {
  const replacements = from.nodes.filter((node): node is EnvEntry => node.kind === 'entry' && node.name === name);
  const first = nodes.findIndex((node) => node.kind === 'entry' && node.name === name);
  const without = nodes.filter((node) => !(node.kind === 'entry' && node.name === name));
  if (source === undefined) return without;
  const fresh = replacements.map((entry) => ({ ...entry, newline: entry.newline === '' ? '\n' : entry.newline }));
  if (first === -1) return appendAtEnd(without, fresh);
  const at = nodes.slice(0, first).filter((node) => !(node.kind === 'entry' && node.name === name)).length;
  return [...without.slice(0, at), ...fresh, ...without.slice(at)];
}

function appendAtEnd(nodes: EnvNode[], fresh: EnvNode[]): EnvNode[] {
  const last = nodes[nodes.length - 1];
  // The old last line had no terminator; it needs one now that something follows it.
  const fixed = last && last.newline === '' ? [...nodes.slice(0, -1), { ...last, newline: '\n' }] : nodes;
  return [...fixed, ...fresh];
}

function renumber(nodes: EnvNode[]): EnvNode[] {
  let line = 1;
  return nodes.map((node) => {
    const renumbered = { ...node, line };
    line += node.source.split('\n').length;
    return renumbered;
  });
}
