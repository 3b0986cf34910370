/**
 * The baseline: a bare Node `http` server on loopback that reads the request body and answers with a
 * canned copy of a real proposal.submit reply, with the headers the dev host sends. No routing, no
 * JSON parsing, no database. Started by bench/run.mjs; the reply body comes over IPC.
 */
import { createServer } from 'node:http';

process.on('disconnect', () => process.exit(0));
process.once('message', (message) => {
  const text = message.body;
  const length = Buffer.byteLength(text);
  const server = createServer((req, res) => {
    req.on('data', () => {});
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': length });
      res.end(text);
    });
  });
  server.listen(0, '127.0.0.1', () => {
    process.send({ type: 'ready', url: `http://127.0.0.1:${server.address().port}` });
  });
  process.on('message', (m) => {
    if (m.cmd === 'close') server.close(() => process.disconnect());
  });
});
