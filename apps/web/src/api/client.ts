import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

/** The API's response shapes, by their schema names in the OpenAPI document. */
export type Schemas = components['schemas'];

/** Where the bearer token comes from, and what to do when the API no longer accepts it. */
export interface Credentials {
  token(): string | null;
  expired(): void;
}

let credentials: Credentials = { token: () => null, expired: () => {} };

/** The session store registers itself here: the client must not import it (the store uses the client). */
export function useCredentials(c: Credentials): void {
  credentials = c;
}

/** The one typed client of the API: paths, parameters and answers come from the generated schema. */
export const api = createClient<paths>({ baseUrl: window.location.origin });

api.use({
  onRequest({ request }) {
    const token = credentials.token();
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ request, response }) {
    // An ended session (logged out elsewhere, expired): back to the login page.
    if (response.status === 401 && request.headers.has('authorization')) credentials.expired();
    return response;
  },
});

/** The query parameters of a GET, as the document declares them. */
export type QueryOf<P extends keyof paths> = paths[P] extends { get: { parameters: { query?: infer Q } } } ? NonNullable<Q> : never;

/**
 * A fresh Idempotency-Key for one submission: a retried request with it is answered once. Random
 * bytes rather than crypto.randomUUID, which browsers offer only on https or localhost.
 */
export function idempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
