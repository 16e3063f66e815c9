import { unzipSync, zipSync } from 'fflate';
import { dayHeadHash } from '../persistence/day-heads';
import { type StoredEntry, chainHash, fromRow } from '../persistence/record-chain';
import { checkPackage } from './case-file-package-check';
import { MANIFEST, type Manifest, type PackageInput, buildManifest, zipPackage } from './case-file-package';

// The export package (README "Documents", 案卷): every file's SHA-256 and the case's SM3 chain with the day
// head that seals it, checked offline; the first thing that does not match is named.
const CASE = '6f1c0000-0000-4000-8000-000000000001';

function chain(n: number): StoredEntry[] {
  const rows: StoredEntry[] = [];
  let prev: string | null = null;
  for (let seq = 1; seq <= n; seq++) {
    const row: StoredEntry = {
      case_id: CASE,
      seq,
      entry_key: `step-${seq}`,
      at: new Date(Date.UTC(2026, 4, 1, 2, seq)),
      actor_id: null,
      actor_name: '赵执法',
      actor_role: 'officer',
      action: seq === 1 ? 'case_initiated' : 'document_generated',
      summary: `第${seq}步`,
      legal_basis: null,
      details: { seq, nested: { b: 1, a: [1, 2] } },
      prev_hash: prev,
      hash: '',
      db_time: true,
    };
    row.hash = chainHash(prev, fromRow(row));
    prev = row.hash;
    rows.push(row);
  }
  return rows;
}

const entries = chain(4);
const last = entries.at(-1)!;
const cases = [{ caseId: CASE, seq: 4, hash: last.hash }];
const dayHead = { day: '2026-05-01', prevHash: 'f'.repeat(64), cases, hash: dayHeadHash('f'.repeat(64), '2026-05-01', cases) };
const input: PackageInput = {
  caseId: CASE,
  caseNumber: '兴民罚立〔2026〕12号',
  agencyName: '兴隆台区民政局',
  madeAt: '2026-05-25T06:30:00.000Z',
  files: [
    { path: '案卷.pdf', kind: 'case_file', title: '行政执法案卷', bytes: Buffer.from('%PDF-案卷') },
    { path: 'documents/01-决定书.pdf', kind: 'document', title: '行政处罚决定书', bytes: Buffer.from('%PDF-决定书') },
    { path: 'av/02-录像.mp4', kind: 'audiovisual', title: '现场检查录像', bytes: Buffer.from([0, 1, 2, 3, 4]) },
  ],
  entries,
  dayHeads: [dayHead],
};

/** The package with one file's bytes changed (and the ZIP rewritten, as someone editing it would). */
function edited(zip: Uint8Array, path: string, change: (b: Buffer) => Buffer): Uint8Array {
  const files = unzipSync(zip);
  files[path] = new Uint8Array(change(Buffer.from(files[path])));
  return zipSync(files);
}
const flip = (at: number) => (b: Buffer) => {
  const c = Buffer.from(b);
  c[at] ^= 1;
  return c;
};

it('lists every file with size and SHA-256, the chain with its head, the sealing day head, and says it is the full file', () => {
  const m = buildManifest(input);
  expect(m.files.map((f) => [f.path, f.size])).toEqual([
    ['案卷.pdf', Buffer.from('%PDF-案卷').length],
    ['documents/01-决定书.pdf', Buffer.from('%PDF-决定书').length],
    ['av/02-录像.mp4', 5],
  ]);
  // printf '\x00\x01\x02\x03\x04' | sha256sum
  expect(m.files[2].sha256).toBe('08bb5e5d6eaac1049ede0893d30ed022b1a4d9b5b48db414871f51c9cb35283d');
  expect(m.chain.entries.map((e) => [e.seq, e.key, e.prevHash])).toEqual(entries.map((e) => [e.seq, e.entry_key, e.prev_hash]));
  expect(m.chain.head).toEqual({ seq: 4, hash: last.hash });
  expect(m.dayHead).toEqual({ sealed: true, ...dayHead });
  expect(m.scope).toBe('full');
  expect(m.scopeNote).toContain('保密');
});

it('says the last entry is not sealed yet when no day head pins it', () => {
  const earlier = { ...dayHead, cases: [{ caseId: CASE, seq: 3, hash: entries[2].hash }] };
  expect(buildManifest({ ...input, dayHeads: [earlier] }).dayHead).toMatchObject({ sealed: false, latest: earlier });
  expect(buildManifest({ ...input, dayHeads: [] }).dayHead).toMatchObject({ sealed: false, latest: null });
});

it('gives the same ZIP for the same case, whatever the machine time zone', () => {
  const a = zipPackage(input).zip;
  const tz = process.env.TZ;
  process.env.TZ = 'America/Los_Angeles';
  try {
    expect(Buffer.from(zipPackage(input).zip).equals(Buffer.from(a))).toBe(true);
  } finally {
    process.env.TZ = tz;
  }
});

describe('checkPackage', () => {
  const { zip } = zipPackage(input);

  it('passes an intact package and reports what it holds', () => {
    expect(checkPackage(zip)).toMatchObject({
      problem: null,
      caseNumber: '兴民罚立〔2026〕12号',
      files: 3,
      entries: 4,
      head: { seq: 4, hash: last.hash },
      dayHead: { day: '2026-05-01', hash: dayHead.hash },
    });
  });

  it('names a document with one byte changed', () => {
    expect(checkPackage(edited(zip, 'documents/01-决定书.pdf', flip(3))).problem).toMatchObject({
      file: 'documents/01-决定书.pdf',
      reason: expect.stringContaining('SHA-256'),
    });
  });

  it('names a changed chain entry by its seq', () => {
    const broken = edited(zip, MANIFEST, (b) => Buffer.from(b.toString('utf8').replace('第2步', '第9步')));
    expect(checkPackage(broken).problem).toMatchObject({ file: MANIFEST, entry: { seq: 2, key: 'step-2' } });
  });

  it('names manifest.json for a byte changed where no hash of the chain covers it', () => {
    const broken = edited(zip, MANIFEST, (b) => Buffer.from(b.toString('utf8').replace('完整案卷', '完整桉卷')));
    expect(checkPackage(broken).problem).toMatchObject({ file: MANIFEST, reason: expect.stringContaining('manifest.json.sha256') });
  });

  it('names an edited day head, a file missing, a file added and a file whose size the manifest misstates', () => {
    const m = JSON.parse(Buffer.from(unzipSync(zip)[MANIFEST]).toString('utf8')) as Manifest;
    const withManifest = (next: Manifest) => edited(zip, MANIFEST, () => Buffer.from(JSON.stringify(next)));
    const day = withManifest({ ...m, dayHead: { ...dayHead, sealed: true, day: '2026-05-02' } });
    expect(checkPackage(day).problem?.reason).toContain('每日链头内容与其哈希值不符');
    const files = unzipSync(zip);
    delete files['av/02-录像.mp4'];
    expect(checkPackage(zipSync(files)).problem).toMatchObject({ file: 'av/02-录像.mp4', reason: '清单列出的文件不在包中' });
    expect(checkPackage(zipSync({ ...unzipSync(zip), 'extra.txt': Buffer.from('x') })).problem).toMatchObject({ file: 'extra.txt' });
    const size = withManifest({ ...m, files: m.files.map((f, i) => (i ? f : { ...f, size: f.size + 1 })) });
    expect(checkPackage(size).problem).toMatchObject({ file: '案卷.pdf', reason: expect.stringContaining('大小不符') });
    expect(checkPackage(Buffer.from('not a zip')).problem?.file).toBe('(ZIP)');
  });

  it('keeps every version of a corrected document, each marked with its version and the one it replaces', () => {
    const v1 = { path: 'documents/决定书-11111111.pdf', kind: 'document' as const, title: '行政处罚决定书', version: 1, replaces: null };
    const v2 = { ...v1, path: 'documents/决定书-22222222.pdf', version: 2, replaces: v1.path, inForce: true };
    const corrected = {
      ...input,
      files: [input.files[0], { ...v1, inForce: false, bytes: Buffer.from('%PDF-v1') }, { ...v2, bytes: Buffer.from('%PDF-v2') }],
    };
    const { zip: both, manifest } = zipPackage(corrected);
    expect(manifest.files.slice(1)).toEqual([
      expect.objectContaining({ path: v1.path, version: 1, replaces: null, inForce: false }),
      expect.objectContaining({ path: v2.path, version: 2, replaces: v1.path, inForce: true }),
    ]);
    expect(checkPackage(both).problem).toBeNull();
    // The version replaced taken out, manifest and all: the package no longer holds the full archive.
    const { zip: without } = zipPackage({ ...corrected, files: [input.files[0], corrected.files[2]] });
    expect(checkPackage(without).problem).toEqual({ file: v2.path, reason: `所更正的版本 ${v1.path} 不在包中` });
  });
});
