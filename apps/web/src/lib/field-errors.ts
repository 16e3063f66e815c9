/** A field error as the API answers it (`errors` of `{ code, message, errors? }`). */
export interface ApiFieldError {
  field: string;
  code: string;
  message: string;
}

/** What a form shows for a refused request: messages next to its fields, and one above the form. */
export interface FormErrors<F extends string> {
  fields: Partial<Record<F, string>>;
  message: string | null;
}

/** The top-level form field an API field path belongs to: `parties[0].name` → `parties`. */
function rootOf(path: string): string {
  return path.split(/[.[]/, 1)[0];
}

/**
 * Maps an API error body onto a form's fields. A field error goes next to the form field its path
 * starts with (several joined with ；); one about a field the form does not show goes above the form
 * with the error's own message, so nothing the API said is lost.
 */
export function formErrors<F extends string>(body: unknown, fields: readonly F[]): FormErrors<F> {
  const b = (body ?? {}) as { message?: unknown; errors?: unknown };
  const errors = Array.isArray(b.errors) ? (b.errors as ApiFieldError[]) : [];
  const general = typeof b.message === 'string' ? b.message : '请求未能完成，请稍后重试';
  const out: Partial<Record<F, string>> = {};
  const elsewhere: string[] = [];
  for (const e of errors) {
    // A form that shows a nested field (`notification.recipient`) takes its error itself, else its root's field does.
    const field = fields.find((f) => f === e.field) ?? fields.find((f) => f === rootOf(e.field));
    if (field) out[field] = out[field] ? `${out[field]}；${e.message}` : e.message;
    else elsewhere.push(e.message);
  }
  if (!errors.length) return { fields: out, message: general };
  return { fields: out, message: elsewhere.length ? elsewhere.join('；') : null };
}
