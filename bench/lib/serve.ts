/** The IPC loop of a benchmark child started with startChild (bench/lib/child.mjs): commands in, replies out. */

/**
 * Answers each `{ id, cmd }` from the parent (a bare string stands for `{ name }`) with `{ id, data }` from
 * `run` (a failure as `{ id, data: { error } }`); after answering `close` it disconnects. If the parent goes
 * away without asking, `close` runs and the process exits. Then tells the parent it is ready.
 */
export function serve<C extends { name: string }>(
  run: (cmd: C) => Promise<unknown>,
  close: () => Promise<unknown>,
): void {
  process.on('message', (message: { id: number; cmd: C | string }) => {
    const cmd = typeof message.cmd === 'string' ? ({ name: message.cmd } as C) : message.cmd;
    run(cmd).then(
      (data) => {
        process.send?.({ id: message.id, data });
        if (cmd.name === 'close') process.disconnect();
      },
      (e: unknown) => process.send?.({ id: message.id, data: { error: String((e as Error)?.stack ?? e) } }),
    );
  });
  // The parent went away without asking: do not linger.
  process.on('disconnect', () => void close().finally(() => process.exit(0)));
  process.send?.({ type: 'ready', url: '' });
}
