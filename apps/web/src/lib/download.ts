import { api } from '../api/client';
import { messageOf } from './answers';
import { fileNameOf } from './file-name';

/** The browser's download of a blob under a name: a link clicked, then let go. */
function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Downloads the 案卷 as a PDF or as the export package, with the bearer token (a plain link could not
 * send it) and under the server's file name; a refusal (403 RECORD_CONFIDENTIAL) is an Error with the API's message.
 */
export async function downloadCaseFile(caseId: string, what: 'pdf' | 'package'): Promise<string> {
  const r = await (what === 'pdf'
    ? api.GET('/api/v1/cases/{id}/case-file/pdf', { params: { path: { id: caseId } }, parseAs: 'blob' })
    : api.GET('/api/v1/cases/{id}/case-file/package', { params: { path: { id: caseId } }, parseAs: 'blob' }));
  if (!r.data) throw new Error(messageOf(r.error, '案卷文件生成失败'));
  const name = fileNameOf(r.response.headers.get('content-disposition'), what === 'pdf' ? '行政执法案卷.pdf' : '案卷导出包.zip');
  save(r.data as Blob, name);
  return name;
}
