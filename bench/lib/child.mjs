/** Starts a benchmark server in a child process and talks to it over IPC. */
import { fork } from 'node:child_process';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: `--import tsx` resolves from here. */
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export async function startChild(script, { env = {}, execArgv = [], init, timeoutMs = 60_000 } = {}) {
  const child = fork(script, [], {
    cwd: root,
    env: { ...process.env, ...env },
    execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map();
  let nextId = 1;
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start within ${timeoutMs} ms`)), timeoutMs);
    child.on('message', (m) => {
      if (m?.type === 'ready') {
        clearTimeout(timer);
        resolve(m.url);
      } else if (m?.id && pending.has(m.id)) {
        pending.get(m.id)(m.data);
        pending.delete(m.id);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${code}`));
    });
  });
  if (init) child.send(init);
  const url = await ready;
  const call = (cmd) =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      child.send({ id, cmd });
    });
  /** `call`, but a reply `{ error }` (a failed command) throws, naming the child. */
  const ask = async (cmd) => {
    const data = await call(cmd);
    if (data && typeof data === 'object' && 'error' in data) throw new Error(`${basename(script)}: ${data.error}`);
    return data;
  };
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      child.send({ id: nextId++, cmd: 'close' });
    } catch {
      /* channel already closed */
    }
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  return { url, call, ask, stop, pid: child.pid };
}
