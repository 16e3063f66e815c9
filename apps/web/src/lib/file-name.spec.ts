import { fileNameOf } from './file-name';

describe('the file name of a download', () => {
  it('is the Chinese name of the UTF-8 filename* the API sends', () => {
    // As apps/api/src/documents/content-disposition.ts writes it.
    const header = `attachment; filename="case-file.pdf"; filename*=UTF-8''${encodeURIComponent('行政执法案卷（兴民罚〔2026〕1号）.pdf')}`;
    expect(fileNameOf(header, 'x.pdf')).toBe('行政执法案卷（兴民罚〔2026〕1号）.pdf');
  });

  it('falls back to the ASCII filename, then to the given name', () => {
    expect(fileNameOf('attachment; filename="case-file.zip"', 'x.zip')).toBe('case-file.zip');
    expect(fileNameOf('attachment; filename="a.zip"; filename*=UTF-8\'\'%E0%A4', 'x.zip')).toBe('a.zip');
    expect(fileNameOf(null, '案卷导出包.zip')).toBe('案卷导出包.zip');
  });
});
