import { DefaultPayloadConverter, Payload } from '@temporalio/common';
import { randomBytes } from 'node:crypto';
import { BUILT_IN_SCHEDULES } from '#libs/calendar/data/index';
import { findProfile } from '#libs/profiles/index';
import { COMPRESS_FROM_BYTES, CompressionCodec, ZLIB_ENCODING } from './codec';

const codec = new CompressionCodec();
const converter = new DefaultPayloadConverter();
const encodingOf = (p: Payload) => new TextDecoder().decode(p.metadata!.encoding);
// A stage's input as the decision stage receives it: the profile's sections and the calendar.
const stageInput = { profile: findProfile('xinglongtai-civil-affairs'), calendar: BUILT_IN_SCHEDULES };

describe('the compressing payload codec', () => {
  it('round-trips a large payload, smaller on the wire, back to the same JSON', async () => {
    const payload = converter.toPayload(stageInput);
    const [wire] = await codec.encode([payload]);
    expect(encodingOf(wire)).toBe(ZLIB_ENCODING);
    expect(wire.data!.length).toBeLessThan(payload.data!.length / 3);
    const [back] = await codec.decode([wire]);
    expect(encodingOf(back)).toBe('json/plain');
    expect(converter.fromPayload(back)).toEqual(stageInput);
  });

  it('leaves payloads below the threshold as they are', async () => {
    const small = converter.toPayload({ caseId: 'a'.repeat(COMPRESS_FROM_BYTES - 20) });
    expect(small.data!.length).toBeLessThan(COMPRESS_FROM_BYTES);
    expect(await codec.encode([small])).toEqual([small]);
    const large = converter.toPayload({ caseId: 'a'.repeat(COMPRESS_FROM_BYTES) });
    expect(encodingOf((await codec.encode([large]))[0])).toBe(ZLIB_ENCODING);
  });

  it('leaves a large payload that deflate would not shrink as it is', async () => {
    const noise = { data: randomBytes(4096), metadata: {} };
    expect(await codec.encode([noise])).toEqual([noise]);
  });

  it('passes through payloads it did not write: histories and running cases from before it decode as before', async () => {
    const old = [converter.toPayload(stageInput), converter.toPayload(null), converter.toPayload('短')];
    expect(await codec.decode(old)).toEqual(old);
  });

  it('refuses damaged compressed data with a message that says what it is', async () => {
    const [wire] = await codec.encode([converter.toPayload(stageInput)]);
    const damaged = { ...wire, data: wire.data!.slice(0, 40) };
    await expect(codec.decode([damaged])).rejects.toThrow(/binary\/zlib does not inflate .*damaged/);
    const notZlib = { ...wire, data: new TextEncoder().encode('{"not":"deflate"}') };
    await expect(codec.decode([notZlib])).rejects.toThrow(/binary\/zlib does not inflate/);
  });
});
