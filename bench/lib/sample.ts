/** Shared by the benchmark children: a seedable pseudo-random sequence and percentiles of sorted timings. */

/** A fixed pseudo-random sequence (mulberry32), so every run builds the same data. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The p-th percentile (0..1) of timings sorted ascending. */
export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

/** The request counter of the local runtime's engine (what the children count at the seam). */
export interface RequestCounter {
  resetCounts(): void;
  totalRequests(): number;
  requestCounts: Map<string, number>;
}

/** Requests counted since the last reset: the total and per action. */
export function requestsOf(engine: RequestCounter) {
  return { total: engine.totalRequests(), byAction: Object.fromEntries(engine.requestCounts) };
}

function quantiles(sorted: Float64Array) {
  const q = (p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! : 0);
  return { p50: q(0.5), p95: q(0.95), p99: q(0.99), max: sorted.length ? sorted[sorted.length - 1]! : 0 };
}

/**
 * Items [from, to) submitted `concurrency` at a time (a closed loop), each by `submit(k)`, whose reply
 * counts as stored when it is ok with status `submitted`: throughput, latencies, this process's CPU
 * (all its threads: JS, GC, LMDB's writer) and the database requests per item.
 */
export async function closedLoop(
  engine: RequestCounter,
  from: number,
  to: number,
  concurrency: number,
  submit: (k: number) => Promise<{ ok: boolean; data?: unknown; error?: unknown }>,
) {
  engine.resetCounts();
  const latencies = new Float64Array(to - from);
  const failures: string[] = [];
  let next = from;
  let notSubmitted = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let k = next++; k < to; k = next++) {
        const s = performance.now();
        const reply = await submit(k);
        latencies[k - from] = performance.now() - s;
        if (!reply.ok) {
          if (failures.length < 5) failures.push(JSON.stringify(reply.error));
          notSubmitted++;
        } else if ((reply.data as { status: string }).status !== 'submitted') {
          notSubmitted++;
        }
      }
    }),
  );
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const c = requestsOf(engine);
  const n = to - from;
  const sorted = latencies.slice().sort();
  return {
    n,
    concurrency,
    ms,
    perSecond: (n / ms) * 1000,
    cpuMsPerItem: (cpu.user + cpu.system) / 1000 / n,
    latencies: sorted,
    latencyMs: quantiles(sorted),
    notSubmitted,
    failures,
    requestsPerItem: c.total / n,
    byAction: Object.fromEntries(Object.entries(c.byAction).map(([k, v]) => [k, v / n])),
  };
}

/** Latencies kept over several closed loops, for quantiles over all of them. */
export class LatencyPool {
  private readonly kept: Float64Array[] = [];
  add(latencies: Float64Array): void {
    this.kept.push(latencies);
  }
  quantiles() {
    const all = new Float64Array(this.kept.reduce((n, a) => n + a.length, 0));
    let at = 0;
    for (const a of this.kept) all.set(a, (at += a.length) - a.length);
    return quantiles(all.sort());
  }
}
