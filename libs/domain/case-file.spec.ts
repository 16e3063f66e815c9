import { missingDocuments } from './case-file';

// The completeness check of a case file before it is archived.
const full = new Set(['case_initiated', 'evidence_recorded', 'decision_issued', 'document_served', 'payment_recorded', 'case_ended']);
const facts = { hearingRequested: false, avWithoutFile: [], summary: false };

it('finds nothing missing in a complete general-procedure file', () => {
  expect(missingDocuments(full, facts)).toEqual([]);
});

it('lists what is missing, one line each, and the hearing report only where a hearing was asked', () => {
  const partial = new Set(['case_initiated', 'decision_issued', 'case_ended']);
  expect(missingDocuments(partial, facts)).toEqual(['调查取证记录', '送达回证']);
  expect(missingDocuments(full, { ...facts, hearingRequested: true })).toEqual(['听证报告']);
});

it('names audio-video records whose file was never stored', () => {
  expect(missingDocuments(full, { ...facts, avWithoutFile: ['现场录像'] })).toEqual(['音像记录「现场录像」的文件未存储']);
});

it('asks a summary case for its decision and execution only', () => {
  expect(missingDocuments(new Set(['decision_issued', 'case_ended']), { ...facts, summary: true })).toEqual([]);
});
