import type { DataConverter } from '@temporalio/common';
import { CompressionCodec } from './codec';

/**
 * How lawtrail's payloads travel and are stored: JSON, large ones compressed (codec.ts). Every
 * Temporal client, worker and replay of lawtrail uses this one, or a compressed payload would reach
 * code that cannot read it. Never imported by workflow code: codecs run outside the sandbox.
 */
export const dataConverter: DataConverter = { payloadCodecs: [new CompressionCodec()] };
