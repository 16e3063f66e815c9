import type { Server } from 'node:http';

/** A 4 GiB audiovisual upload at about 1.2 MB/s: longer than any request should take, end to end. */
const REQUEST_TIMEOUT_MS = 60 * 60_000;
/** Headers arrive in one go from any real client; a trickle of header bytes is an attack (slowloris). */
const HEADERS_TIMEOUT_MS = 20_000;

/**
 * Timeouts for clients that stop sending: a connection silent for `idleMs` is closed —
 * a stalled upload body no longer holds its socket and its file until Node's defaults — headers must
 * arrive within 20 s, and a whole request within an hour. `idleMs` exceeds the longest wait of ours
 * on a backing service (15 s Temporal call deadline, the statement timeout), so slow answers survive.
 */
export function stallTimeouts(server: Server, idleMs: number): void {
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.setTimeout(idleMs);
}
