import { idleUpload, uploadAnswered, uploadBegun, uploadPercent, uploadProgressed } from './upload';

describe('an audio-video upload as its form shows it', () => {
  const sha = 'a'.repeat(64);

  it('moves the bar with the bytes sent, never to 100 before the server stored the file', () => {
    let s = uploadBegun(idleUpload(), 1000);
    expect([s.phase, s.attempts, uploadPercent(s)]).toEqual(['uploading', 1, 0]);
    s = uploadProgressed(s, 455);
    expect(uploadPercent(s)).toBe(45);
    s = uploadProgressed(s, 1000);
    expect(uploadPercent(s)).toBe(99);
    s = uploadAnswered(s, { status: 200, body: { upload: { sha256: sha } } });
    expect([s.phase, s.sha256, uploadPercent(s), s.error]).toEqual(['stored', sha, 100, null]);
  });

  it('offers a retry after a dropped connection or a server fault, and counts the attempts', () => {
    let s = uploadAnswered(uploadProgressed(uploadBegun(idleUpload(), 1000), 300), { status: 0, body: null });
    expect([s.phase, s.retryable, s.error]).toEqual(['failed', true, '网络中断，文件未上传完成']);
    s = uploadBegun(s, 1000);
    expect([s.phase, s.attempts, s.loaded, s.error]).toEqual(['uploading', 2, 0, null]);
    s = uploadAnswered(s, { status: 503, body: { code: 'DATABASE_UNAVAILABLE', message: '服务暂时不可用，请稍后重试' } });
    expect([s.retryable, s.error]).toEqual([true, '服务暂时不可用，请稍后重试']);
    s = uploadAnswered(uploadBegun(s, 1000), { status: 200, body: { upload: { sha256: sha } } });
    expect([s.phase, s.attempts, s.sha256]).toEqual(['stored', 3, sha]);
  });

  it('does not offer to send again a file the API refused for what it is', () => {
    const refused = uploadAnswered(uploadBegun(idleUpload(), 10), {
      status: 409,
      body: { code: 'AV_ALREADY_STORED', message: '该音像记录已存储其他文件' },
    });
    expect([refused.phase, refused.retryable, refused.error]).toEqual(['failed', false, '该音像记录已存储其他文件']);
    expect(uploadAnswered(uploadBegun(idleUpload(), 10), { status: 415, body: null }).error).toBe('上传失败（HTTP 415）');
  });

  it('ignores progress reported after the answer', () => {
    const stored = uploadAnswered(uploadBegun(idleUpload(), 10), { status: 200, body: { upload: { sha256: sha } } });
    expect(uploadProgressed(stored, 3)).toBe(stored);
  });
});
