import type { Role } from '#libs/domain/roles';
import type { ApiFieldError } from './field-errors';

/** The user form of 用户管理: what an administrator fills in (dates as YYYY-MM-DD, '' when not given). */
export interface UserForm {
  username: string;
  displayName: string;
  unit: string;
  role: Role;
  certificateNumber: string;
  certificateIssuer: string;
  validFrom: string;
  validTo: string;
  active: boolean;
}

export const EMPTY_USER: UserForm = {
  username: '',
  displayName: '',
  unit: '',
  role: 'officer',
  certificateNumber: '',
  certificateIssuer: '',
  validFrom: '',
  validTo: '',
  active: true,
};

interface CertificateBody {
  number: string;
  issuer?: string;
  validFrom: string;
  validTo: string;
}

/** The certificate as the API takes it; none without a number (the API refuses a number without dates, by field). */
function certificateOf(f: UserForm): CertificateBody | undefined {
  if (!f.certificateNumber.trim()) return undefined;
  return {
    number: f.certificateNumber.trim(),
    ...(f.certificateIssuer.trim() ? { issuer: f.certificateIssuer.trim() } : {}),
    validFrom: f.validFrom,
    validTo: f.validTo,
  };
}

/** POST /admin/users: a new user of `agencyId` with the initial password the user must change at first login. */
export function createUserBody(f: UserForm, agencyId: string, password: string) {
  const certificate = certificateOf(f);
  return {
    username: f.username.trim(),
    displayName: f.displayName.trim(),
    agencyId,
    unit: f.unit,
    role: f.role,
    password,
    ...(certificate ? { certificate } : {}),
  };
}

/** PATCH /admin/users/{id}: every editable field; a cleared certificate number removes the certificate (null). */
export function changeUserBody(f: UserForm) {
  const certificate = certificateOf(f) ?? null;
  return { displayName: f.displayName.trim(), unit: f.unit, role: f.role, active: f.active, certificate };
}

/** A user as the API answers it, into the form. */
export function userForm(u: {
  username: string;
  displayName: string;
  unit: string;
  role: Role;
  active: boolean;
  certificate: { number: string; issuer: string | null; validFrom: string | null; validTo: string | null } | null;
}): UserForm {
  return {
    username: u.username,
    displayName: u.displayName,
    unit: u.unit,
    role: u.role,
    certificateNumber: u.certificate?.number ?? '',
    certificateIssuer: u.certificate?.issuer ?? '',
    validFrom: u.certificate?.validFrom ?? '',
    validTo: u.certificate?.validTo ?? '',
    active: u.active,
  };
}

/** Pasted JSON read as an object, or why it cannot be (before anything is sent). */
export function parseObject(text: string): { value: Record<string, unknown> } | { error: string } {
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) return { value: value as Record<string, unknown> };
    return { error: '内容须为一个 JSON 对象（以 { 开头）' };
  } catch (e) {
    return { error: `JSON 格式有误：${(e as Error).message}` };
  }
}

/** Every field error of a refused answer with its JSON path (`holidays[0].days[1]`), none lost. */
export function pathErrors(body: unknown): { path: string; message: string }[] {
  const errors = (body as { errors?: unknown } | null)?.errors;
  return Array.isArray(errors) ? (errors as ApiFieldError[]).map((e) => ({ path: e.field, message: e.message })) : [];
}

/** One day of a year's schedule: a holiday (放假) or an adjusted working day (调休上班). */
export interface ScheduleDay {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
}

/** A year's schedule as one list of days in date order: what a reader checks against the State Council's notice. */
export function scheduleDays(s: { holidays: { name: string; days: string[] }[]; makeupWorkdays: string[] }): ScheduleDay[] {
  const days: ScheduleDay[] = [
    ...s.holidays.flatMap((h) => h.days.map((date) => ({ date, kind: 'holiday' as const, name: h.name }))),
    ...s.makeupWorkdays.map((date) => ({ date, kind: 'workday' as const, name: '调休上班' })),
  ];
  return days.sort((a, b) => a.date.localeCompare(b.date));
}
