import { DataSource } from 'typeorm';
import { addMonthsClamped, chinaDate } from '#libs/calendar/dates';
import { AGENCIES, PROFILES } from '#libs/profiles/index';
import { Role, SYSTEM_AGENCY } from '#libs/domain/roles';
import { AgencyProfilesRepository } from '#libs/persistence/repositories/agency-profiles.repository';
import { UnitsRepository } from '#libs/persistence/repositories/units.repository';
import { UsersRepository } from '#libs/persistence/repositories/users.repository';
import { hashPassword } from './password';

const UNITS = { handling: '执法科', second: '执法二科', legal: '法制科', office: '办公室' };

/** Password of every demo login; `npm run dev` prints the logins. Never seeded in production images by default. */
export const DEMO_PASSWORD = 'lawtrail-demo';

const STAFF: { key: string; role: Role; title: string; unit: keyof typeof UNITS }[] = [
  { key: 'officer1', role: 'officer', title: '执法人员', unit: 'handling' },
  { key: 'officer2', role: 'officer', title: '执法人员', unit: 'handling' },
  { key: 'unithead', role: 'unit_head', title: '承办机构负责人', unit: 'handling' },
  { key: 'legal', role: 'legal_reviewer', title: '法制审核人员', unit: 'legal' },
  { key: 'chief', role: 'chief', title: '负责人', unit: 'office' },
  { key: 'archivist', role: 'archivist', title: '档案管理人员', unit: 'office' },
  { key: 'supervisor', role: 'supervisor', title: '法制监督人员', unit: 'legal' },
  { key: 'officer3', role: 'officer', title: '执法人员', unit: 'second' },
  // The head of the second unit: heads only their own unit's cases (the permission matrix).
  { key: 'unithead2', role: 'unit_head', title: '承办机构负责人', unit: 'second' },
  // Maintains the agency's own people and units (README "Who may act").
  { key: 'agencyadmin', role: 'agency_admin', title: '机构管理员', unit: 'office' },
];
const SURNAMES = ['张', '王', '李', '赵', '刘', '陈', '杨', '黄', '周', '吴'];

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  agencyId: string;
  unit: string;
  certificateNo: string | null;
  certificateIssuer: string | null;
  certificateValidFrom: string | null;
  certificateValidTo: string | null;
}

/** The system administrator: maintains shared data such as the working-day calendar; reads no case. */
const ADMIN: DemoUser = {
  username: 'sys.admin',
  displayName: '系统管理员',
  role: 'admin',
  agencyId: SYSTEM_AGENCY,
  unit: '信息中心',
  certificateNo: null,
  certificateIssuer: null,
  certificateValidFrom: null,
  certificateValidTo: null,
};

/**
 * Ten staff of one agency (`<code>.<role>`): one per role, two officers of the handling unit, one
 * officer and the head of a second unit, the agency administrator; officers with certificates valid
 * from two years before `today` (a China date, the seed's day) to three years after. `a` varies names
 * and numbers.
 */
export function demoStaff(agency: { id: string; code: string; name: string }, a: number, today = chinaDate(new Date())): DemoUser[] {
  return STAFF.map((s, i) => {
    const officer = s.role === 'officer';
    return {
      username: `${agency.code}.${s.key}`,
      displayName: `${SURNAMES[(a + i) % SURNAMES.length]}${s.title}${{ officer2: '二', officer3: '三', unithead2: '二' }[s.key] ?? ''}`,
      role: s.role,
      agencyId: agency.id,
      unit: UNITS[s.unit],
      certificateNo: officer ? `${agency.code.toUpperCase()}-ZF-${String(a * 10 + i + 1).padStart(5, '0')}` : null,
      certificateIssuer: officer ? agency.name : null,
      certificateValidFrom: officer ? addMonthsClamped(today, -24) : null,
      certificateValidTo: officer ? addMonthsClamped(today, 36) : null,
    };
  });
}

/** The staff of every built-in agency, and the system administrator. */
export function demoUsers(today = chinaDate(new Date())): DemoUser[] {
  return [...AGENCIES.flatMap((p, a) => demoStaff(p, a, today)), ADMIN];
}

/**
 * Idempotent: existing logins are left as they are (a certificate's missing validity is filled in).
 * The built-in agencies are stored first (as the API does at start), so that every demo user's
 * agency is in the profile store.
 */
export async function seedDemoUsers(db: DataSource): Promise<DemoUser[]> {
  await new AgencyProfilesRepository(db).addBuiltIns(PROFILES);
  const users = demoUsers();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await new UnitsRepository(db).addIfAbsent(users.map((u) => ({ agencyId: u.agencyId, name: u.unit })));
  await new UsersRepository(db).addIfAbsent(users.map((u) => ({ ...u, passwordHash })));
  return users;
}
