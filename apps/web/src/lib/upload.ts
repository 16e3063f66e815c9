/**
 * An audio-video file on its way to the API, as its form shows it: how much is sent, and after the
 * answer either the SHA-256 the server stored it under or why it failed and whether sending the same
 * file again can help.
 */
export interface UploadState {
  phase: 'idle' | 'uploading' | 'stored' | 'failed';
  loaded: number;
  total: number;
  attempts: number;
  sha256: string | null;
  error: string | null;
  /** A failure another attempt with the same file may overcome (the network, a busy server). */
  retryable: boolean;
}

/** The HTTP status and parsed body of the upload's answer; status 0 when no answer came. */
export interface UploadAnswer {
  status: number;
  body: unknown;
}

export const idleUpload = (): UploadState => ({
  phase: 'idle',
  loaded: 0,
  total: 0,
  attempts: 0,
  sha256: null,
  error: null,
  retryable: false,
});

export function uploadBegun(s: UploadState, total: number): UploadState {
  return { ...s, phase: 'uploading', loaded: 0, total, attempts: s.attempts + 1, error: null, retryable: false };
}

export function uploadProgressed(s: UploadState, loaded: number): UploadState {
  return s.phase === 'uploading' ? { ...s, loaded: Math.min(loaded, s.total) } : s;
}

// Timeouts, rate limits and server faults pass; a refusal of the file itself (its type, another file
// already stored for the record) comes back the same however often it is sent.
const TRANSIENT = (status: number) => status === 0 || status === 408 || status === 429 || status >= 500;

export function uploadAnswered(s: UploadState, a: UploadAnswer): UploadState {
  const sha256 = (a.body as { upload?: { sha256?: unknown } } | null)?.upload?.sha256;
  if (a.status >= 200 && a.status < 300 && typeof sha256 === 'string') {
    return { ...s, phase: 'stored', loaded: s.total, sha256, error: null, retryable: false };
  }
  const message = (a.body as { message?: unknown } | null)?.message;
  const error =
    typeof message === 'string' && message ? message : a.status === 0 ? '网络中断，文件未上传完成' : `上传失败（HTTP ${a.status}）`;
  return { ...s, phase: 'failed', error, retryable: TRANSIENT(a.status) };
}

/** Whole percent sent, for the progress bar (100 only once stored). */
export function uploadPercent(s: UploadState): number {
  if (s.phase === 'stored') return 100;
  if (!s.total) return 0;
  return Math.min(99, Math.floor((s.loaded / s.total) * 100));
}

/**
 * Sends the file as the request body (PUT, its own media type) with XMLHttpRequest, the browser API
 * that reports upload progress; resolves with the answer, status 0 when the connection failed.
 */
export function sendFile(url: string, file: File, token: string | null, onProgress: (loaded: number) => void): Promise<UploadAnswer> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', url);
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.setRequestHeader('content-type', file.type || 'application/octet-stream');
    xhr.upload.onprogress = (e) => onProgress(e.loaded);
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => resolve({ status: 0, body: null });
    xhr.ontimeout = () => resolve({ status: 0, body: null });
    xhr.send(file);
  });
}
