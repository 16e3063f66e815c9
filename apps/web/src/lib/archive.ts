import { formErrors, type FormErrors } from './field-errors';

/** 归档 as typed (ArchiveDto): the archive fields, dates as the pickers give them (`2026-03-05`). */
export interface ArchiveForm {
  archiveNumber: string;
  category: string;
  retentionPeriod: string;
  startDate: string;
  endDate: string;
  location: string;
  incompleteReason: string;
}

/** The profile's archive fields (archiving.fields, e.g. 003 第五条第（五）项) by the form's names, with their labels. */
export const ARCHIVE_FIELDS = {
  archive_number: { key: 'archiveNumber', label: '归档编号' },
  category: { key: 'category', label: '类别' },
  retention_period: { key: 'retentionPeriod', label: '保管期限' },
  start_date: { key: 'startDate', label: '起始日期' },
  end_date: { key: 'endDate', label: '终止日期' },
} as const;
export type ArchiveField = keyof typeof ARCHIVE_FIELDS;
type Key = (typeof ARCHIVE_FIELDS)[ArchiveField]['key'];

const FIELDS = ['archiveNumber', 'category', 'retentionPeriod', 'startDate', 'endDate', 'location', 'incompleteReason'] as const;

/** The archive fields the agency's profile lists (GET /profiles/{id}'s `archiving` section); none when it lists none. */
export function archiveFields(archiving: Record<string, unknown> | undefined): ArchiveField[] {
  const listed = (archiving?.fields as { fields?: unknown } | undefined)?.fields;
  return Array.isArray(listed) ? listed.filter((f): f is ArchiveField => f in ARCHIVE_FIELDS) : [];
}

/** The body: every field filled in, none left empty (the API treats an empty one as given). */
export function archiveBody(form: ArchiveForm) {
  const text = (v: string) => v.trim() || undefined;
  return {
    archiveNumber: text(form.archiveNumber),
    category: text(form.category),
    retentionPeriod: text(form.retentionPeriod),
    startDate: text(form.startDate),
    endDate: text(form.endDate),
    location: form.location,
    incompleteReason: text(form.incompleteReason),
  };
}

/**
 * A refused archiving's errors: the API's field errors next to their fields; the completeness check's
 * refusal (the documents missing, in its own words) next to 案卷不完整的原因, the field that answers it;
 * the profile's archive fields left empty next to each of them.
 */
export function archiveErrors(
  body: unknown,
  listed: readonly ArchiveField[],
  form: ArchiveForm,
): FormErrors<Key | 'location' | 'incompleteReason'> {
  const b = (body ?? {}) as { code?: unknown; message?: unknown; errors?: unknown };
  const bare = !Array.isArray(b.errors) || !b.errors.length;
  if (bare && b.code === 'ARCHIVE_INCOMPLETE')
    return formErrors({ ...b, errors: [{ field: 'incompleteReason', code: b.code, message: b.message }] }, FIELDS);
  if (bare && b.code === 'ARCHIVE_FIELD_MISSING') {
    const empty = listed.filter((f) => !form[ARCHIVE_FIELDS[f].key].trim());
    const errors = empty.map((f) => ({
      field: ARCHIVE_FIELDS[f].key,
      code: b.code,
      message: `本机关规定须填写${ARCHIVE_FIELDS[f].label}`,
    }));
    if (errors.length) return formErrors({ ...b, errors }, FIELDS);
  }
  return formErrors(b, FIELDS);
}
