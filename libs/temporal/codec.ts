import type { Payload, PayloadCodec } from '@temporalio/common';
import { deflateSync, inflateSync } from 'node:zlib';

/** The `encoding` of a payload this codec compressed; its original encoding is kept beside it. */
export const ZLIB_ENCODING = 'binary/zlib';
const INNER_ENCODING = 'zlib-of-encoding';
/** Below this a payload is stored as it is: deflate gains little on small JSON and costs CPU on every step. */
export const COMPRESS_FROM_BYTES = 1024;

const text = new TextEncoder();
const untext = new TextDecoder();

/**
 * Compresses large payloads (a stage's input with its profile sections and calendar, a case state)
 * before they reach the Temporal server, which stores them in every history it keeps and sends them
 * back on every replay. Payloads without this codec's `encoding` pass through untouched, so
 * histories written before it, and anything small, decode as before. Runs outside the workflow
 * sandbox (client, worker, replay), which is why it may use node:zlib.
 */
export class CompressionCodec implements PayloadCodec {
  constructor(private readonly fromBytes = COMPRESS_FROM_BYTES) {}

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((p) => this.compress(p));
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map(inflate);
  }

  private compress(payload: Payload): Payload {
    const data = payload.data;
    if (!data || data.length < this.fromBytes) return payload;
    const packed = deflateSync(data);
    if (packed.length >= data.length) return payload;
    const { encoding, ...rest } = payload.metadata ?? {};
    const metadata: Record<string, Uint8Array> = { ...rest, encoding: text.encode(ZLIB_ENCODING) };
    if (encoding) metadata[INNER_ENCODING] = encoding;
    return { ...payload, metadata, data: packed };
  }
}

function inflate(payload: Payload): Payload {
  const { encoding, [INNER_ENCODING]: inner, ...rest } = payload.metadata ?? {};
  if (!encoding || untext.decode(encoding) !== ZLIB_ENCODING) return payload;
  let data: Uint8Array;
  try {
    data = inflateSync(payload.data ?? new Uint8Array());
  } catch (err) {
    // A history or a message damaged in transit or written by another codec: say which, not "incorrect header check".
    throw new Error(
      `A payload marked ${ZLIB_ENCODING} does not inflate (${(err as Error).message}): it is damaged or was not written by lawtrail's codec`,
    );
  }
  return { ...payload, metadata: inner ? { ...rest, encoding: inner } : rest, data };
}
