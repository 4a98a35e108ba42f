import type { FastifyRequest } from 'fastify';
import { assertCan, type Action, type Actor } from '../content/permissions.ts';
import type { Access } from '../lib/endpoint.ts';
import { endpointsFor } from '../lib/endpoint.ts';
import { requireActor } from './admin-auth.ts';

/** Declares an admin API endpoint: its caller is a newsroom actor, its permissions the newsroom's actions. */
export const adminEndpoint = endpointsFor<Actor, Action>();

/** The admin API's access rule: public, anyone signed in, or a role that may do the action. */
export function authorizeAdmin(request: FastifyRequest, access: Access<Action>): Actor | null {
  if (access === 'public') return request.actor;
  const actor = requireActor(request);
  if (access !== 'signed-in') assertCan(actor, access.can);
  return actor;
}
