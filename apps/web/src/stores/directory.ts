import { defineStore } from 'pinia';
import { api, type Schemas } from '../api/client';

/** The caller's agency's people (GET /users), loaded once: names for the ids the case answers carry. */
export const useDirectory = defineStore('directory', {
  state: () => ({ people: [] as Schemas['ColleagueResponse'][], loaded: false }),
  getters: {
    officers: (s) => s.people.filter((p) => p.role === 'officer'),
    nameOf: (s) => (id: string | null | undefined) => s.people.find((p) => p.id === id)?.displayName ?? '—',
  },
  actions: {
    async load() {
      if (this.loaded) return;
      const { data } = await api.GET('/api/v1/users', { params: { query: { pageSize: 100 } } });
      if (data) this.people = data.items;
      this.loaded = true;
    },
  },
});
