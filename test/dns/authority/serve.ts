/**
 * Start the authority world by hand, print its addresses, run until Ctrl-C:
 *
 *   pnpm tsx test/dns/authority/serve.ts     # add --json for one line of JSON
 */
import { startAuthorityWorld } from './fixture.js';

const json = process.argv.includes('--json');
const world = await startAuthorityWorld();
const { changeMx: _changeMx, stop: _stop, logs: _logs, ...info } = world;
if (json) {
  console.log(JSON.stringify(info));
} else {
  console.log(`started in ${world.startMs} ms, block 127.${world.block}.0.0/16`);
  console.log(`Unbound over DoH:    ${world.dohUrl}`);
  console.log(`Unbound plain DNS:   dig -p ${world.dnsResolver.port} @${world.dnsResolver.host} healthy.test MX`);
  console.log(`root:                dig +norec @${world.root.address} . NS`);
  for (const s of world.parentServers) console.log(`parent ${s.name}: dig +norec @${s.address} split.test NS`);
  for (const d of Object.values(world.domains)) {
    console.log(`${d.name.padEnd(15)} ${d.servers.map((s) => `${s.name}=${s.address}`).join(' ')}`);
  }
  console.log('Ctrl-C to stop.');
}

let stopping = false;
const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  await world.stop();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
