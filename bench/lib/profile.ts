// Reads a V8 CPU profile (node --cpu-prof) and says where the time went: self time by package or source file, and
// the functions of our own code (src/) by inclusive time, the evidence for "what limits it" in results.md.
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileSummary {
  /** Sampled time, ms (idle excluded). */
  busyMs: number;
  idleMs: number;
  /** Self time by bucket: a package, a file of src/, node internals, GC. */
  buckets: { name: string; ms: number; share: number }[];
  /** Functions of src/ by inclusive time. */
  ours: { name: string; ms: number; share: number }[];
  /** Any function by self time. */
  hottest: { name: string; ms: number; share: number }[];
}

function bucketOf(url: string, functionName: string): string {
  if (!url) {
    if (functionName === '(garbage collector)') return 'garbage collection';
    if (functionName === '(program)') return 'V8 / native (program)';
    if (functionName === '(idle)') return '(idle)';
    return 'native';
  }
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1] ?? url;
  const ours = /\/(src|bench)\/(.+)$/.exec(url);
  if (ours) return `${ours[1]}/${ours[2]}`;
  if (url.startsWith('node:')) return 'node: built-ins';
  return url;
}

function label(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const where = /\/(src\/.+|node_modules\/.+)$/.exec(url)?.[1] ?? url;
  return `${functionName || '(anonymous)'} ${where ? `${where}:${lineNumber + 1}` : ''}`.trim();
}

export function summarise(file: string, top = 12): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<number, number>();
  profile.samples.forEach((id, index) => {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
  });
  const buckets = new Map<string, number>();
  const hottest = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let idle = 0;
  let busy = 0;
  for (const [id, ms] of self) {
    const node = byId.get(id);
    if (!node) continue;
    const bucket = bucketOf(node.callFrame.url, node.callFrame.functionName);
    if (bucket === '(idle)') {
      idle += ms;
      continue;
    }
    busy += ms;
    buckets.set(bucket, (buckets.get(bucket) ?? 0) + ms);
    hottest.set(label(node), (hottest.get(label(node)) ?? 0) + ms);
    // Inclusive time of our own functions: each src/ function on the stack once.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at);
      if (!frame || !/\/src\//.test(frame.callFrame.url)) continue;
      const name = label(frame);
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
    }
  }
  const ranked = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => ({ name, ms, share: ms / Math.max(busy, 1e-9) }));
  return { busyMs: busy, idleMs: idle, buckets: ranked(buckets), ours: ranked(inclusive), hottest: ranked(hottest) };
}

export function profileMarkdown(title: string, summary: ProfileSummary): string {
  const rows = (items: ProfileSummary['buckets']) =>
    items.map((item) => `| ${item.name} | ${item.ms.toFixed(0)} | ${(item.share * 100).toFixed(1)}% |`).join('\n');
  return [
    `#### ${title}`,
    '',
    `CPU busy ${(summary.busyMs / 1000).toFixed(1)} s, idle ${(summary.idleMs / 1000).toFixed(1)} s.`,
    '',
    '| self time by package / file | ms | share of busy |',
    '|---|---:|---:|',
    rows(summary.buckets),
    '',
    '| our functions, inclusive time | ms | share of busy |',
    '|---|---:|---:|',
    rows(summary.ours),
    '',
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const file of process.argv.slice(2)) console.log(profileMarkdown(file, summarise(file, 15)));
}
