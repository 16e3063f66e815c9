/** The parties' names of a case, from its 程序启动审批表 (the `form` the case was started with). */
export function partyNames(form: Record<string, unknown>): string {
  const parties = Array.isArray(form.parties) ? (form.parties as { name?: unknown }[]) : [];
  return parties
    .map((p) => (typeof p?.name === 'string' ? p.name : ''))
    .filter(Boolean)
    .join('、');
}
