import { formErrors, type FormErrors } from './field-errors';

/** 音像记录方式, as the API's records label them. */
export const AV_METHOD_LABELS: Record<string, string> = { photo: '照相', audio: '录音', video: '录像', surveillance: '视频监控' };

/**
 * A record form's errors: the audiovisual description's items (`metadata.producer`) and the officers
 * (`officers[1].certificateNo`) go next to their own fields, the rest as `formErrors` places them.
 */
export function recordErrors<F extends string>(body: unknown, fields: readonly F[]): FormErrors<F> {
  const b = (body ?? {}) as { errors?: unknown };
  const errors = Array.isArray(b.errors)
    ? (b.errors as { field: string }[]).map((e) => ({ ...e, field: e.field.replace(/^metadata\./, '') }))
    : b.errors;
  return formErrors({ ...b, errors }, fields);
}

/** The officers present as the API takes them: each chosen person with their certificate number and how it was shown. */
export function officersPresent(
  chosen: readonly string[],
  directory: readonly { id: string; certificateNo: string | null }[],
  shown: string,
): { userId: string; certificateNo: string; shown: string }[] {
  return chosen.map((userId) => ({ userId, certificateNo: directory.find((p) => p.id === userId)?.certificateNo ?? '', shown }));
}
