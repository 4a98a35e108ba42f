// Preloaded (node --import) into a third-party tool a test runs: any outgoing connection is
// refused and named on stderr ("prokash-test: network attempt …"), so the test can fail on it.
import net from 'node:net';
import dns from 'node:dns';

const refuse = (what) => {
  process.stderr.write(`prokash-test: network attempt ${what}\n`);
  throw new Error(`network access refused in this test (${what})`);
};
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const options = typeof args[0] === 'object' && args[0] !== null ? args[0] : { port: args[0], host: args[1] };
  if (options.path) return connect.apply(this, args); // a local socket (IPC) is not the network
  return refuse(`${options.host ?? 'localhost'}:${options.port}`);
};
dns.lookup = (hostname) => refuse(`dns ${hostname}`);
