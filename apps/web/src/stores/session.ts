import { defineStore } from 'pinia';
import { api, useCredentials, type Schemas } from '../api/client';

type User = Schemas['UserResponse'];
const KEY = 'lawtrail.session';

interface Saved {
  token: string | null;
  user: User | null;
}

/** Kept for the browser tab only: closing it ends what this browser holds of the session. */
function load(): Saved {
  try {
    return JSON.parse(sessionStorage.getItem(KEY) ?? '') as Saved;
  } catch {
    return { token: null, user: null };
  }
}

export const useSession = defineStore('session', {
  state: (): Saved => load(),
  getters: {
    loggedIn: (s) => Boolean(s.token),
    mustChangePassword: (s) => Boolean(s.user?.mustChangePassword),
  },
  actions: {
    save(token: string | null, user: User | null) {
      this.token = token;
      this.user = user;
      if (token) sessionStorage.setItem(KEY, JSON.stringify({ token, user }));
      else sessionStorage.removeItem(KEY);
    },
    /** The refused answer's body, or null when logged in. */
    async login(username: string, password: string): Promise<unknown> {
      const { data, error } = await api.POST('/api/v1/auth/login', { body: { username, password } });
      if (error || !data) return error ?? {};
      this.save(data.accessToken, { ...data.user, mustChangePassword: data.mustChangePassword });
      return null;
    },
    async changePassword(currentPassword: string, newPassword: string): Promise<unknown> {
      // Every earlier token stops working: the answer carries the new one.
      const { data, error } = await api.POST('/api/v1/auth/password', { body: { currentPassword, newPassword } });
      if (error || !data) return error ?? {};
      this.save(data.accessToken, { ...data.user, mustChangePassword: data.mustChangePassword });
      return null;
    },
    async logout() {
      if (this.token) await api.POST('/api/v1/auth/logout').catch(() => undefined);
      this.save(null, null);
    },
  },
});

/** Wires the session's token into the API client; `expired` is what happens on a 401. */
export function connectSession(expired: () => void): void {
  const session = useSession();
  useCredentials({
    token: () => session.token,
    expired: () => {
      session.save(null, null);
      expired();
    },
  });
}
