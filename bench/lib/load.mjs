/**
 * A small closed-loop HTTP load generator: `concurrency` workers share one keep-alive agent
 * (maxSockets = concurrency) and send POSTs back to back until `total` requests are done or the time
 * limit passes. Every reply is read in full and parsed; a reply that is not `{ ok: true }` counts as
 * an error.
 */
import http from 'node:http';

/** Sends one POST and resolves with the status and parsed JSON body. */
export function post(agent, url, path, body, headers = {}) {
  const payload = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        hostname,
        port,
        path,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': payload.length, ...headers },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode, text, json });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/**
 * Runs `total` requests at `concurrency`. `request(i)` gives { path, body, headers } for request i.
 * Returns throughput and latency percentiles (ms) of the completed requests.
 */
export async function runLoad({ url, concurrency, total, request, timeLimitMs = 60_000 }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies = [];
  let next = 0;
  let errors = 0;
  let firstError;
  const started = process.hrtime.bigint();
  const deadline = Date.now() + timeLimitMs;
  let timedOut = false;
  const worker = async () => {
    while (next < total) {
      if (Date.now() > deadline) {
        timedOut = true;
        return;
      }
      const i = next++;
      const { path, body, headers } = request(i);
      const t0 = process.hrtime.bigint();
      try {
        const res = await post(agent, url, path, body, headers);
        if (res.status !== 200 || res.json?.ok !== true) {
          errors += 1;
          firstError ??= `${res.status} ${res.text.slice(0, 200)}`;
        }
      } catch (e) {
        errors += 1;
        firstError ??= String(e);
      }
      latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    completed: latencies.length,
    errors,
    firstError,
    timedOut,
    elapsedMs,
    rps: (latencies.length / elapsedMs) * 1000,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1] ?? NaN,
  };
}

/** Nearest-rank percentile of a sorted array. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
