/** The Chinese message of a refused request's body, or a general one. */
export function messageOf(error: unknown, fallback = '加载失败，请稍后重试'): string {
  const m = (error as { message?: unknown } | undefined)?.message;
  return typeof m === 'string' && m ? m : fallback;
}

/** The answer's data, or an Error carrying the API's message (a section shows it instead of its content). */
export function dataOf<T>(r: { data?: T; error?: unknown }): T {
  if (r.data !== undefined) return r.data;
  throw new Error(messageOf(r.error));
}
