import { textMatches } from '../db/text-match.ts';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.ts';
import type { Clock } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import { listSections, ensureSectionPath, isAvailableSectionPath } from '../content/sections/section.repository.ts';
import { ensurePerson } from '../content/people/person.repository.ts';
import { listDistricts } from '../content/places/place.repository.ts';
import { siteSettingsSchema, type SettingsService } from '../content/settings/settings.service.ts';
import { bylineLabel } from '../content/people/byline-label.ts';
import { assertCan } from '../content/permissions.ts';
import { requireActor } from './admin-auth.ts';
import { idParams, parseInput } from '../lib/parse-input.ts';
import { audit, listAudit } from '../content/audit.ts';
import type { ContentWriter } from '../content/events/content-writer.ts';

export interface ManageRouteDeps {
  db: Kysely<Database>;
  clock: Clock;
  settings: SettingsService;
  writer: ContentWriter;
}

const slug = z.string().trim().toLowerCase().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'ASCII letters, digits and hyphens');
const sectionBody = z.object({ name: z.string().trim().min(1).max(80), slug, parentId: z.number().int().positive().nullable().default(null), position: z.number().int().min(0).max(1000).default(0) }).strict();
const sectionPatch = z.object({ name: z.string().trim().min(1).max(80).optional(), position: z.number().int().min(0).max(1000).optional() }).strict();
const personBody = z
  .object({
    name: z.string().trim().min(1).max(120),
    kind: z.enum(['desk', 'reporter', 'correspondent', 'agency']),
    title: z.string().trim().max(120).default(''),
    place: z.string().trim().max(80).default(''),
    districtId: z.number().int().positive().nullable().default(null),
  })
  .strict();
const personPatch = personBody.partial().omit({ kind: true }).strict();
const peopleQuery = z.object({ kind: z.enum(['desk', 'reporter', 'correspondent', 'agency']).optional(), q: z.string().max(100).optional() });
const tagQuery = z.object({ q: z.string().max(100).default('') });
const auditQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50), cursor: z.coerce.number().int().positive().optional() });

/** Sections, people, districts, tags, settings and the audit log. */
export function registerManageRoutes(app: FastifyInstance, deps: ManageRouteDeps): void {
  const { db } = deps;
  const now = () => deps.clock.now().toISOString();

  const sectionView = (s: { id: number; parent_id: number | null; slug: string; path: string; name: string; position: number }) => ({
    id: s.id, parentId: s.parent_id, slug: s.slug, path: s.path, name: s.name, position: s.position,
  });
  const personView = (p: Parameters<typeof bylineLabel>[0], names: ReadonlyMap<number, string>) => ({
    id: p.id, slug: p.slug, name: p.name, kind: p.kind, title: p.title, place: p.place, districtId: p.district_id, label: bylineLabel(p, names),
  });
  const districtNames = async () => new Map((await listDistricts(db)).map((d) => [d.id, d.name]));

  app.get('/api/admin/sections', async (request) => {
    assertCan(requireActor(request), 'taxonomy.read');
    return { items: (await listSections(db)).map(sectionView) };
  });

  app.post('/api/admin/sections', async (request, reply) => {
    const actor = requireActor(request);
    assertCan(actor, 'section.manage');
    const body = parseInput(sectionBody, request.body);
    const parent = body.parentId === null ? undefined : await db.selectFrom('sections').selectAll().where('id', '=', body.parentId).executeTakeFirst();
    if (body.parentId !== null && !parent) throw new AppError('INVALID_INPUT', `parentId: no section ${body.parentId}`);
    const path = parent ? `${parent.path}/${body.slug}` : body.slug;
    if (!isAvailableSectionPath(path)) throw new AppError('INVALID_INPUT', `slug: "${body.slug}" is a path the site uses itself`);
    if (await db.selectFrom('sections').select('id').where('path', '=', path).executeTakeFirst()) throw new AppError('CONFLICT', `a section ${path} exists`);
    const section = await deps.writer.write(async (trx, emit) => {
      const section = await ensureSectionPath(trx, path, now(), { [path]: body.name }, body.position);
      await audit(trx, { userId: actor.userId, action: 'section.create', targetType: 'section', targetId: section.id, details: { path }, at: now() });
      emit({ type: 'section.changed', payload: { id: section.id } });
      return section;
    });
    return reply.code(201).send({ section: sectionView(section) });
  });

  app.patch('/api/admin/sections/:id', async (request) => {
    const actor = requireActor(request);
    assertCan(actor, 'section.manage');
    const { id } = parseInput(idParams, request.params);
    const body = parseInput(sectionPatch, request.body);
    if (!(await db.selectFrom('sections').select('id').where('id', '=', id).executeTakeFirst())) throw new AppError('NOT_FOUND', 'section not found');
    await deps.writer.write(async (trx, emit) => {
      if (Object.keys(body).length) await trx.updateTable('sections').set(body).where('id', '=', id).execute();
      await audit(trx, { userId: actor.userId, action: 'section.update', targetType: 'section', targetId: id, details: body, at: now() });
      emit({ type: 'section.changed', payload: { id } });
    });
    return { section: sectionView(await db.selectFrom('sections').selectAll().where('id', '=', id).executeTakeFirstOrThrow()) };
  });

  app.get('/api/admin/people', async (request) => {
    assertCan(requireActor(request), 'taxonomy.read');
    const query = parseInput(peopleQuery, request.query);
    let q = db.selectFrom('people').selectAll().orderBy('kind').orderBy('name').limit(500);
    if (query.kind) q = q.where('kind', '=', query.kind);
    if (query.q) q = q.where(textMatches('name', query.q, 'contains'));
    const names = await districtNames();
    return { items: (await q.execute()).map((p) => personView(p, names)) };
  });

  app.post('/api/admin/people', async (request, reply) => {
    const actor = requireActor(request);
    assertCan(actor, 'person.manage');
    const body = parseInput(personBody, request.body);
    if (body.kind === 'correspondent' && !body.districtId) throw new AppError('INVALID_INPUT', 'districtId: a correspondent needs a district');
    const person = await deps.writer.write(async (trx, emit) => {
      const person = await ensurePerson(trx, body, now());
      emit({ type: 'person.changed', payload: { id: person.id } });
      return person;
    });
    return reply.code(201).send({ person: personView(person, await districtNames()) });
  });

  app.patch('/api/admin/people/:id', async (request) => {
    const actor = requireActor(request);
    assertCan(actor, 'person.manage');
    const { id } = parseInput(idParams, request.params);
    const body = parseInput(personPatch, request.body);
    const { districtId, ...rest } = body;
    const set = { ...rest, ...(districtId !== undefined ? { district_id: districtId } : {}) };
    const person = await deps.writer.write(async (trx, emit) => {
      if (Object.keys(set).length) await trx.updateTable('people').set(set).where('id', '=', id).execute();
      const person = await trx.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
      if (!person) throw new AppError('NOT_FOUND', 'person not found');
      // Their articles' pages and search entries (byline terms) follow the new name or place.
      emit({ type: 'person.changed', payload: { id } });
      return person;
    });
    return { person: personView(person, await districtNames()) };
  });

  app.get('/api/admin/districts', async (request) => {
    assertCan(requireActor(request), 'taxonomy.read');
    const items = await listDistricts(db);
    return { items: items.map((d) => ({ id: d.id, slug: d.slug, name: d.name, divisionId: d.division_id })) };
  });

  app.get('/api/admin/tags', async (request) => {
    assertCan(requireActor(request), 'taxonomy.read');
    const { q } = parseInput(tagQuery, request.query);
    const items = await db.selectFrom('tags').select(['id', 'slug', 'name']).where(textMatches('name', q.trim(), 'starts')).orderBy('name').limit(20).execute();
    return { items };
  });

  app.get('/api/admin/settings', async (request) => {
    assertCan(requireActor(request), 'taxonomy.read');
    return deps.settings.get();
  });

  app.put('/api/admin/settings', async (request) => {
    const actor = requireActor(request);
    assertCan(actor, 'settings.manage');
    const input = parseInput(siteSettingsSchema, request.body);
    const next = await deps.writer.write(async (trx, emit) => {
      const next = await deps.settings.save(trx, emit, input);
      await audit(trx, { userId: actor.userId, action: 'settings.update', targetType: 'settings', targetId: 'site', details: next, at: now() });
      return next;
    });
    return next;
  });

  app.get('/api/admin/audit', async (request) => {
    assertCan(requireActor(request), 'audit.read');
    const { limit, cursor } = parseInput(auditQuery, request.query);
    const rows = await listAudit(db, limit, cursor);
    const items = rows.map((r) => ({
      id: r.id, at: r.at, userId: r.user_id, userName: r.user_name, action: r.action, targetType: r.target_type, targetId: r.target_id, details: JSON.parse(r.details) as unknown,
    }));
    return { items, nextCursor: items.length === limit ? (items.at(-1)?.id ?? null) : null };
  });
}
