import { ArchiveEntity } from '#libs/persistence/entities/archive.entity';
import { mapArchive, mapCatalogueEntry } from './archiving.response';

const entry = {
  position: 1,
  kind: 'audiovisual' as const,
  title: '现场执法视频',
  at: '2026-11-02T01:00:00.000Z',
  storage: null,
  metadata: { 拍摄人: '张三' },
  recordId: 'r1',
};

it('answers the archived file in camelCase, its dates as China dates and its times as instants', () => {
  const row: ArchiveEntity = {
    caseId: 'c1',
    archiveNumber: 'XLT-2026-1',
    category: '行政处罚',
    retentionPeriod: '永久',
    startDate: '2026-11-01',
    endDate: '2026-11-20',
    location: '档案室 A-3',
    catalogue: [entry],
    missing: [],
    incompleteReason: null,
    archivedBy: 'u1',
    archivedAt: new Date('2026-11-21T02:00:00Z'),
    onTime: true,
  };
  expect(mapArchive(row, row.catalogue)).toEqual({
    caseId: 'c1',
    archiveNumber: 'XLT-2026-1',
    category: '行政处罚',
    retentionPeriod: '永久',
    startDate: '2026-11-01',
    endDate: '2026-11-20',
    location: '档案室 A-3',
    catalogue: [entry],
    missing: [],
    incompleteReason: null,
    archivedBy: 'u1',
    archivedAt: '2026-11-21T02:00:00.000Z',
    onTime: true,
  });
});

it('keeps a catalogue entry as archived: no storage stays null, fields it lacks stay absent', () => {
  const old = { position: 2, kind: 'record' as const, title: '立案', at: '2026-11-01T01:00:00.000Z' };
  expect(JSON.parse(JSON.stringify(mapCatalogueEntry(old)))).toEqual(old);
  expect(mapCatalogueEntry(entry).storage).toBeNull();
});
