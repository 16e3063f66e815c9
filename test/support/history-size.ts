import type { Payload } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { dataConverter } from '#libs/temporal/data-converter';

type History = temporal.api.history.v1.IHistory;

/** Which part of a history a payload belongs to, by the event that carries it. */
const PART: Record<string, string> = {
  workflowExecutionStartedEventAttributes: 'workflow input',
  startChildWorkflowExecutionInitiatedEventAttributes: 'child workflow inputs',
  activityTaskScheduledEventAttributes: 'activity inputs',
  activityTaskCompletedEventAttributes: 'activity results',
  markerRecordedEventAttributes: 'markers',
  workflowExecutionUpdateAcceptedEventAttributes: 'update arguments',
  workflowExecutionUpdateCompletedEventAttributes: 'update results',
  workflowExecutionSignaledEventAttributes: 'signals',
  workflowExecutionCompletedEventAttributes: 'workflow result',
};

/** Bytes of one part: as the server stores it (after the codec) and as JSON before the codec. */
export interface PartSize {
  stored: number;
  json: number;
}

export interface HistorySize {
  events: number;
  /** The whole history as the server stores and sends it for replay. */
  total: PartSize;
  parts: Record<string, PartSize>;
  /** The workflow's input and each child's, field by field (profile by section), as JSON bytes. */
  inputs: { workflow: Record<string, number>; children: Record<string, number>[] };
}

/**
 * Where a workflow history's bytes go: the payloads of each kind of event, stored (compressed by
 * lawtrail's codec where it applies) and decoded, and what the stage inputs are made of. Measures
 * histories as `fetchHistory` returns them, or as test/workflow/histories stores them.
 */
export async function historySize(history: History): Promise<HistorySize> {
  const storedTotal = temporal.api.history.v1.History.encode(history).finish().length;
  const parts: Record<string, PartSize> = {};
  const inputs: HistorySize['inputs'] = { workflow: {}, children: [] };
  let grown = 0;
  for (const event of history.events ?? []) {
    const [key, attributes] = Object.entries(event).find(([k, v]) => k.endsWith('EventAttributes') && v) ?? [];
    if (!key) continue;
    const part = PART[key] ?? 'other payloads';
    for (const payload of payloadsIn(attributes)) {
      const [decoded] = await codec().decode([payload]);
      const stored = size(payload);
      const json = size(decoded);
      grown += json - stored;
      parts[part] = { stored: (parts[part]?.stored ?? 0) + stored, json: (parts[part]?.json ?? 0) + json };
    }
    if (key === 'workflowExecutionStartedEventAttributes') inputs.workflow = await fields(attributes.input?.payloads?.[0]);
    if (key === 'startChildWorkflowExecutionInitiatedEventAttributes') inputs.children.push(await fields(attributes.input?.payloads?.[0]));
  }
  const payloadBytes = Object.values(parts).reduce((a, p) => a + p.stored, 0);
  parts['event envelopes'] = { stored: storedTotal - payloadBytes, json: storedTotal - payloadBytes };
  return { events: history.events?.length ?? 0, total: { stored: storedTotal, json: storedTotal + grown }, parts, inputs };
}

/** A history stored by `keepHistory` (test/support/histories.ts). */
export function historyFromFile(plain: object): History {
  return temporal.api.history.v1.History.fromObject(plain);
}

/** The sizes as lines for a person to read, in KiB. */
export function describeSize(name: string, s: HistorySize): string {
  const kib = (n: number) => (n / 1024).toFixed(1);
  const pair = (p: PartSize) => (p.stored === p.json ? `${kib(p.stored)}` : `${kib(p.stored)} (JSON ${kib(p.json)})`);
  const fieldLine = (f: Record<string, number>) =>
    Object.entries(f)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${kib(v)}`)
      .join(', ');
  return [
    `${name}: ${s.events} events, ${pair(s.total)} KiB stored`,
    ...Object.entries(s.parts).map(([k, p]) => `  ${k}: ${pair(p)}`),
    `  input fields (JSON KiB): ${fieldLine(s.inputs.workflow)}`,
    ...s.inputs.children.map((c, i) => `  child ${i + 1} input fields (JSON KiB): ${fieldLine(c)}`),
  ].join('\n');
}

function codec() {
  return dataConverter.payloadCodecs![0];
}

function size(p: Payload): number {
  return temporal.api.common.v1.Payload.encode(p).finish().length;
}

/** Every Payload inside an event's attributes (inputs, results, marker details, headers, memos). */
function payloadsIn(value: unknown): Payload[] {
  if (!value || typeof value !== 'object' || ArrayBuffer.isView(value)) return [];
  const o = value as Record<string, unknown>;
  if (o.metadata && ArrayBuffer.isView(o.data)) return [o as Payload];
  return Object.values(o).flatMap(payloadsIn);
}

/** JSON bytes of each field of a stage input, its profile by section. */
async function fields(payload: Payload | null | undefined): Promise<Record<string, number>> {
  if (!payload) return {};
  const [decoded] = await codec().decode([payload]);
  const input = JSON.parse(new TextDecoder().decode(decoded.data!)) as Record<string, unknown>;
  const bytes = (v: unknown) => Buffer.byteLength(JSON.stringify(v) ?? '');
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(input)) {
    if (k === 'profile' && v && typeof v === 'object') for (const [s, sv] of Object.entries(v)) out[`profile.${s}`] = bytes(sv);
    else out[k] = bytes(v);
  }
  return out;
}
