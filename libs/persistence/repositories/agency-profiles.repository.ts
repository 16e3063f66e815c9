import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, QueryFailedError } from 'typeorm';
import type { AgencyProfile } from '../../profiles/schema';
import { AgencyProfileEntity } from '../entities/agency-profile.entity';
import { canonical } from '../record-chain';

/** SHA-256 of a profile document's canonical JSON (keys sorted at every level): the same document, the same hash. */
export function profileHash(document: AgencyProfile): string {
  return createHash('sha256').update(canonical(document), 'utf8').digest('hex');
}

/** Why a new version was not stored: its code is another agency's, or its version number was taken meanwhile. */
export type AddRefusal = 'code_taken' | 'version_taken';

/** Tables `agencies` and `agency_profiles`: every version of every agency's rules; rows are only ever added. */
@Injectable()
export class AgencyProfilesRepository {
  constructor(private readonly db: DataSource) {}

  /** Every version, agencies in the order they were created (the built-in ones by seed), versions ascending. */
  all(): Promise<AgencyProfileEntity[]> {
    return this.db.query(
      `SELECT p.agency_id AS "agencyId", p.version, p.code, p.effective_from AS "effectiveFrom", p.document, p.hash, p.source,
              p.created_by AS "createdBy", p.created_at AS "createdAt"
         FROM agency_profiles p JOIN agencies a ON a.id = p.agency_id
        ORDER BY a.created_at, p.document->'regulation'->>'seed', p.agency_id, p.version`,
    );
  }

  /** How many versions are stored: rows are only added, so a change of this number is a change of the store. */
  async count(): Promise<number> {
    const [{ n }] = await this.db.query('SELECT count(*)::int AS n FROM agency_profiles');
    return n;
  }

  /** The agency using `code`, if any. */
  async codeOwner(code: string): Promise<string | null> {
    const [row] = await this.db.query('SELECT id FROM agencies WHERE code = $1', [code]);
    return row?.id ?? null;
  }

  /**
   * Stores the built-in versions not stored yet, with their agencies (idempotent: run at every start;
   * a built-in version added in a later release is stored on the first start after it).
   */
  async addBuiltIns(profiles: readonly AgencyProfile[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      for (const p of profiles) {
        await tx.query('INSERT INTO agencies (id, code) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING', [p.id, p.code]);
        await tx.query(
          `INSERT INTO agency_profiles (agency_id, version, code, effective_from, document, hash, source)
           VALUES ($1, $2, $3, $4, $5, $6, 'builtin') ON CONFLICT (agency_id, version) DO NOTHING`,
          [p.id, p.version, p.code, p.effectiveFrom, JSON.stringify(p), profileHash(p)],
        );
      }
    });
  }

  /**
   * Stores a loaded version, creating its agency when it is new, in one transaction. Refused, with
   * nothing written, when the code is another agency's or the version number was taken meanwhile
   * (two administrators at once): the unique keys decide, not an earlier read.
   */
  async add(p: AgencyProfile, createdBy: string): Promise<AddRefusal | null> {
    try {
      await this.db.transaction(async (tx) => {
        await tx.query('INSERT INTO agencies (id, code) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING', [p.id, p.code]);
        await tx.query(
          `INSERT INTO agency_profiles (agency_id, version, code, effective_from, document, hash, source, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, 'loaded', $7)`,
          [p.id, p.version, p.code, p.effectiveFrom, JSON.stringify(p), profileHash(p), createdBy],
        );
      });
      return null;
    } catch (err) {
      const e = err instanceof QueryFailedError ? (err.driverError as { code?: string; constraint?: string }) : null;
      if (e?.code === '23505') return e.constraint === 'agencies_code_key' ? 'code_taken' : 'version_taken';
      throw err;
    }
  }
}
