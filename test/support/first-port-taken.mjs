// Preloaded into `gutbrain serve` (NODE_OPTIONS=--import) by test/api/supervisor.test.ts: the
// supervisor's first free-port probe answers with a port this preload already listens on, as when
// another program takes the port between the probe and the first server process binding it.
import cluster from 'node:cluster';
import net from 'node:net';

if (cluster.isPrimary) {
  const holder = net.createServer();
  holder.listen(0, '127.0.0.1');
  await new Promise((resolve) => holder.once('listening', resolve));
  holder.unref();
  const held = holder.address().port;
  console.log(`test preload holds port ${held}`);
  const address = net.Server.prototype.address;
  let first = true;
  net.Server.prototype.address = function () {
    const a = address.call(this);
    if (first && this !== holder && a && typeof a === 'object') {
      first = false;
      return { ...a, port: held };
    }
    return a;
  };
}
