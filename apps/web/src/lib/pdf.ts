import { api } from '../api/client';
import { messageOf } from './answers';

/**
 * A stored document's PDF as a blob: URL. Fetched with the bearer token (a plain link could not send
 * it); the caller revokes the URL once done with it.
 */
export async function pdfUrl(caseId: string, documentId: string): Promise<string> {
  const { data, error } = await api.GET('/api/v1/cases/{id}/documents/{documentId}/file', {
    params: { path: { id: caseId, documentId } },
    parseAs: 'blob',
  });
  if (!data) throw new Error(messageOf(error, '文书文件加载失败'));
  return URL.createObjectURL(new Blob([data as Blob], { type: 'application/pdf' }));
}

/** Opens the PDF in a new tab, the browser's own viewer; the tab is opened before the fetch so no popup blocker stops it. */
export async function previewPdf(caseId: string, documentId: string): Promise<void> {
  const tab = window.open('', '_blank');
  try {
    const url = await pdfUrl(caseId, documentId);
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
export async function printPdf(caseId: string, documentId: string): Promise<void> {
  const url = await pdfUrl(caseId, documentId);
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
