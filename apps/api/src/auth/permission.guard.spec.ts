import 'reflect-metadata';
import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Action } from '#libs/domain/permissions';
import { Actor } from '#libs/domain/roles';
import { CasesRepository } from '#libs/persistence/repositories/cases.repository';
import { UnitsRepository } from '#libs/persistence/repositories/units.repository';
import { UsersRepository } from '#libs/persistence/repositories/users.repository';
import { ACT } from './auth.decorators';
import { PermissionGuard } from './permission.guard';

// The guard resolves the agency an administration route touches: the path's :agencyId (a route such
// as PUT /admin/agencies/{agencyId}/profile, for an agency that may not exist yet), else the body's
// agencyId, else the actor's own; a user's or unit's own agency for /admin/users/{id}, /admin/units/{id}.
const USER = '11111111-1111-4111-8111-111111111111';
const UNIT = '22222222-2222-4222-8222-222222222222';
const users = { byId: async (id: string) => (id === USER ? { agencyId: 'a' } : null) } as unknown as UsersRepository;
const units = { byId: async (id: string) => (id === UNIT ? { agencyId: 'b' } : null) } as unknown as UnitsRepository;

function verdict(action: Action, actor: Actor, req: { params?: Record<string, string>; body?: unknown }): Promise<string> {
  const handler = () => undefined;
  Reflect.defineMetadata(ACT, action, handler);
  const ctx = {
    getHandler: () => handler,
    getClass: () => class {},
    switchToHttp: () => ({ getRequest: () => ({ method: 'POST', params: {}, user: actor, ...req }) }),
  } as unknown as ExecutionContext;
  const guard = new PermissionGuard(new Reflector(), {} as CasesRepository, users, units);
  return guard.canActivate(ctx).then(
    () => 'allowed',
    (e: { code: string }) => e.code,
  );
}

const admin = (agencyId: string): Actor => ({ id: 'x', name: '管理员', role: 'agency_admin', agencyId });

it('takes the agency from the path’s :agencyId first, then the body’s agencyId, then the actor’s own', async () => {
  // unit.create declares scope `agency`, as PUT /admin/agencies/{agencyId}/profile does.
  expect(await verdict('unit.create', admin('a'), { params: { agencyId: 'a' }, body: { agencyId: 'b' } })).toBe('allowed');
  expect(await verdict('unit.create', admin('a'), { params: { agencyId: 'new-agency' } })).toBe('AUTH_ROLE_FORBIDDEN');
  expect(await verdict('unit.create', admin('a'), { body: { agencyId: 'b' } })).toBe('AUTH_ROLE_FORBIDDEN');
  expect(await verdict('unit.create', admin('a'), { body: { agencyId: 'a' } })).toBe('allowed');
  expect(await verdict('unit.create', admin('a'), { body: { agencyId: 42 } })).toBe('allowed');
  expect(await verdict('unit.create', admin('a'), {})).toBe('allowed');
  const sys: Actor = { id: 's', name: '系统管理员', role: 'admin', agencyId: 'system' };
  expect(await verdict('unit.create', sys, { params: { agencyId: 'new-agency' } })).toBe('allowed');
});

it('takes a user’s or a unit’s own agency, and hides another agency’s', async () => {
  expect(await verdict('user.change', admin('a'), { params: { id: USER } })).toBe('allowed');
  expect(await verdict('user.change', admin('b'), { params: { id: USER } })).toBe('USER_OTHER_AGENCY');
  expect(await verdict('user.change', admin('a'), { params: { id: 'not-a-uuid' } })).toBe('USER_NOT_FOUND');
  expect(await verdict('unit.change', admin('b'), { params: { id: UNIT } })).toBe('allowed');
  expect(await verdict('unit.change', admin('a'), { params: { id: UNIT } })).toBe('UNIT_OTHER_AGENCY');
  expect(await verdict('unit.change', admin('a'), { params: { id: USER } })).toBe('UNIT_NOT_FOUND');
});
