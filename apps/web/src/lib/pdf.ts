import { api } from '../api/client';
import { messageOf } from './answers';

/** A PDF the API answered as a blob: URL, or an Error with the API's message (a field error's first). */
function blobUrl(r: { data?: unknown; error?: unknown }, fallback: string): string {
  if (!r.data) {
    const first = (r.error as { errors?: { message?: string }[] } | undefined)?.errors?.[0]?.message;
    throw new Error(first ?? messageOf(r.error, fallback));
  }
  return URL.createObjectURL(new Blob([r.data as Blob], { type: 'application/pdf' }));
}

/**
 * A stored document's PDF as a blob: URL. Fetched with the bearer token (a plain link could not send
 * it); the caller revokes the URL once done with it.
 */
export async function pdfUrl(caseId: string, documentId: string): Promise<string> {
  const r = await api.GET('/api/v1/cases/{id}/documents/{documentId}/file', {
    params: { path: { id: caseId, documentId } },
    parseAs: 'blob',
  });
  return blobUrl(r, '文书文件加载失败');
}

/** The 决定书 as the decision will generate it, from the draft awaiting approval (预览稿: no 文号 or date yet). */
export async function draftUrl(caseId: string, kind: 'decision' | 'pre_decision_notice'): Promise<string> {
  const r = await api.GET('/api/v1/cases/{id}/documents/preview', { params: { path: { id: caseId }, query: { kind } }, parseAs: 'blob' });
  return blobUrl(r, '预览稿生成失败');
}

/** Opens the PDF in a new tab, the browser's own viewer; the tab is opened before the fetch so no popup blocker stops it. */
export async function previewPdf(fetchUrl: () => Promise<string>): Promise<void> {
  const tab = window.open('', '_blank');
  try {
    const url = await fetchUrl();
    if (tab) tab.location.href = url;
    else window.location.assign(url);
    // The tab keeps the document it loaded; the URL itself is not needed after a minute.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } catch (e) {
    tab?.close();
    throw e;
  }
}

/** The browser's print dialog for the PDF, from a hidden frame holding it. */
export async function printPdf(fetchUrl: () => Promise<string>): Promise<void> {
  const url = await fetchUrl();
  const frame = document.createElement('iframe');
  frame.className = 'print-frame';
  frame.title = '打印文书';
  frame.src = url;
  frame.onload = () => {
    frame.contentWindow?.focus();
    frame.contentWindow?.print();
    // Printing is done with the frame once the dialog closes; the next print makes a new one.
    setTimeout(() => {
      frame.remove();
      URL.revokeObjectURL(url);
    }, 60_000);
  };
  document.body.appendChild(frame);
}
