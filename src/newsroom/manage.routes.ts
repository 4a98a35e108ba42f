import { textMatches } from '../db/text-match.ts';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.ts';
import type { Clock } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import { listSections, ensureSectionPath, isAvailableSectionPath } from '../content/sections/section.repository.ts';
import { countPublishedArticles, ensurePerson, type Person } from '../content/people/person.repository.ts';
import { comparePeople, PERSON_KIND_ORDER } from '../content/people/person-order.ts';
import { listDistricts, type District } from '../content/places/place.repository.ts';
import { siteSettingsSchema, type SettingsService } from '../content/settings/settings.service.ts';
import { bylineLabel } from '../content/people/byline-label.ts';
import { adminEndpoint } from './newsroom-endpoint.ts';
import {
  auditEntryAnswer,
  districtAnswer,
  listOf,
  pageOf,
  personAnswer,
  sectionAnswer,
  tagAnswer,
  type AuditEntryView,
  type DistrictView,
  type PersonView,
  type SectionView,
} from './answers.ts';
import { idParams } from '../lib/parse-input.ts';
import { audit, listAudit } from '../content/audit.ts';
import type { ContentWriter } from '../content/events/content-writer.ts';

export interface ManageRouteDeps {
  db: Kysely<Database>;
  clock: Clock;
  settings: SettingsService;
  writer: ContentWriter;
}

const slug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'ASCII letters, digits and hyphens');
const sectionBody = z
  .object({
    name: z.string().trim().min(1).max(80),
    slug,
    parentId: z.number().int().positive().nullable().default(null),
    position: z.number().int().min(0).max(1000).default(0),
  })
  .strict();
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
// Spelled out rather than personBody.partial(): a partial keeps the defaults, and a patch of the name
// alone would then blank the title and place and drop the district.
const personPatch = z
  .object({
    name: z.string().trim().min(1).max(120).optional(),
    title: z.string().trim().max(120).optional(),
    place: z.string().trim().max(80).optional(),
    districtId: z.number().int().positive().nullable().optional(),
  })
  .strict();
/** What POST /api/admin/people takes. */
export type PersonBody = z.input<typeof personBody>;
/** What PATCH /api/admin/people/:id takes (a person's kind stays what it was). */
export type PersonPatch = z.input<typeof personPatch>;
const peopleQuery = z.object({
  kind: z.enum(['desk', 'reporter', 'correspondent', 'agency']).optional(),
  q: z.string().max(100).optional(),
  /** With how many published articles name each (the people screen; the byline picker does without). */
  counts: z.enum(['true', 'false']).optional(),
});
const tagQuery = z.object({ q: z.string().max(100).default('') });
const auditQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50), cursor: z.coerce.number().int().positive().optional() });

const sectionView = (s: { id: number; parent_id: number | null; slug: string; path: string; name: string; position: number }): SectionView => ({
  id: s.id,
  parentId: s.parent_id,
  slug: s.slug,
  path: s.path,
  name: s.name,
  position: s.position,
});
const personView = (p: Person, names: ReadonlyMap<number, string>, articles?: number): PersonView => ({
  id: p.id,
  slug: p.slug,
  name: p.name,
  kind: p.kind,
  title: p.title,
  place: p.place,
  districtId: p.district_id,
  label: bylineLabel(p, names),
  ...(articles === undefined ? {} : { articles }),
});
// Desks first, then reporters, correspondents and agencies (person-order.ts), in SQL too, so that
// a newsroom with more people than one answer holds loses agencies before desks.
const kindOrder = sql<number>`case kind ${sql.join(
  Object.entries(PERSON_KIND_ORDER).map(([kind, n]) => sql`when ${kind} then ${sql.lit(n)}`),
  sql` `,
)} end`;
const districtView = (d: District): DistrictView => ({ id: d.id, slug: d.slug, name: d.name, divisionId: d.division_id });
const auditView = (r: Awaited<ReturnType<typeof listAudit>>[number]): AuditEntryView => ({
  id: r.id,
  at: r.at,
  userId: r.user_id,
  userName: r.user_name,
  action: r.action,
  targetType: r.target_type,
  targetId: r.target_id,
  details: JSON.parse(r.details) as unknown,
});

const districtNames = async (db: Kysely<Database>) => new Map((await listDistricts(db)).map((d) => [d.id, d.name]));

/** Sections, people, districts, tags, settings and the audit log. */
export function manageEndpoints(deps: ManageRouteDeps) {
  return [...sectionEndpoints(deps), ...peopleEndpoints(deps), ...referenceEndpoints(deps)];
}

function sectionEndpoints(deps: ManageRouteDeps) {
  const { db } = deps;
  const now = () => deps.clock.now().toISOString();
  return [
    adminEndpoint({
      method: 'GET',
      path: '/api/admin/sections',
      summary: 'Every section, as a flat list with parents',
      response: listOf(sectionAnswer),
      access: { can: 'taxonomy.read' },
      handle: async () => ({ items: (await listSections(db)).map(sectionView) }),
    }),
    adminEndpoint({
      method: 'POST',
      path: '/api/admin/sections',
      summary: 'Adds a section under a parent, or at the top',
      response: z.object({ section: sectionAnswer }),
      access: { can: 'section.manage' },
      body: sectionBody,
      status: 201,
      invalidates: ['section:<id>', 'home'],
      handle: async ({ actor, body }) => {
        const parent = body.parentId === null ? undefined : await db.selectFrom('sections').selectAll().where('id', '=', body.parentId).executeTakeFirst();
        if (body.parentId !== null && !parent) throw new AppError('UNPROCESSABLE', `parentId: no section ${body.parentId}`);
        const path = parent ? `${parent.path}/${body.slug}` : body.slug;
        if (!isAvailableSectionPath(path)) throw new AppError('UNPROCESSABLE', `slug: "${body.slug}" is a path the site uses itself`);
        if (await db.selectFrom('sections').select('id').where('path', '=', path).executeTakeFirst())
          throw new AppError('CONFLICT', `a section ${path} exists`);
        const section = await deps.writer.write(async (trx, emit) => {
          const section = await ensureSectionPath(trx, path, now(), { [path]: body.name }, body.position);
          await audit(trx, { userId: actor.userId, action: 'section.create', targetType: 'section', targetId: section.id, details: { path }, at: now() });
          emit({ type: 'section.changed', payload: { id: section.id } });
          return section;
        });
        return { section: sectionView(section) };
      },
    }),
    adminEndpoint({
      method: 'PATCH',
      path: '/api/admin/sections/:id',
      summary: "Renames or moves a section in its parent's order",
      response: z.object({ section: sectionAnswer }),
      access: { can: 'section.manage' },
      params: idParams,
      body: sectionPatch,
      invalidates: ['section:<id>', 'every page (the menu shows sections)'],
      handle: async ({ actor, params: { id }, body }) => {
        if (!(await db.selectFrom('sections').select('id').where('id', '=', id).executeTakeFirst())) throw new AppError('NOT_FOUND', 'section not found');
        await deps.writer.write(async (trx, emit) => {
          if (Object.keys(body).length) await trx.updateTable('sections').set(body).where('id', '=', id).execute();
          await audit(trx, { userId: actor.userId, action: 'section.update', targetType: 'section', targetId: id, details: body, at: now() });
          emit({ type: 'section.changed', payload: { id } });
        });
        return { section: sectionView(await db.selectFrom('sections').selectAll().where('id', '=', id).executeTakeFirstOrThrow()) };
      },
    }),
  ];
}

function peopleEndpoints(deps: ManageRouteDeps) {
  const { db } = deps;
  const now = () => deps.clock.now().toISOString();
  return [
    adminEndpoint({
      method: 'GET',
      path: '/api/admin/people',
      summary: 'Desks, reporters, correspondents and agencies (at most 500), by kind, then by name in Bengali order',
      response: listOf(personAnswer),
      access: { can: 'taxonomy.read' },
      query: peopleQuery,
      handle: async ({ query }) => {
        let q = db.selectFrom('people').selectAll().orderBy(kindOrder).orderBy('name').limit(500);
        if (query.kind) q = q.where('kind', '=', query.kind);
        if (query.q) q = q.where(textMatches('name', query.q, 'contains'));
        // The databases order names by code point (and differently from each other): Bengali order is ours.
        const people = (await q.execute()).sort(comparePeople);
        const counts =
          query.counts === 'true'
            ? await countPublishedArticles(
                db,
                people.map((p) => p.id),
              )
            : undefined;
        const names = await districtNames(db);
        return { items: people.map((p) => personView(p, names, counts && (counts.get(p.id) ?? 0))) };
      },
    }),
    adminEndpoint({
      method: 'POST',
      path: '/api/admin/people',
      summary: 'Adds a byline person (a desk, reporter, correspondent or agency)',
      response: z.object({ person: personAnswer }),
      access: { can: 'person.manage' },
      body: personBody,
      status: 201,
      handle: async ({ actor, body }) => {
        if (body.kind === 'correspondent' && !body.districtId) throw new AppError('INVALID_INPUT', 'districtId: a correspondent needs a district');
        const person = await deps.writer.write(async (trx, emit) => {
          const person = await ensurePerson(trx, body, now());
          await audit(trx, { userId: actor.userId, action: 'person.create', targetType: 'person', targetId: person.id, details: body, at: now() });
          emit({ type: 'person.changed', payload: { id: person.id } });
          return person;
        });
        return { person: personView(person, await districtNames(db)) };
      },
    }),
    adminEndpoint({
      method: 'PATCH',
      path: '/api/admin/people/:id',
      summary: "Changes a person's name, title, place or district",
      response: z.object({ person: personAnswer }),
      access: { can: 'person.manage' },
      params: idParams,
      body: personPatch,
      invalidates: ['byline:<id>', 'person:<id>', 'the search entries of their articles'],
      handle: async ({ actor, params: { id }, body }) => {
        const { districtId, ...rest } = body;
        const set = { ...rest, ...(districtId !== undefined ? { district_id: districtId } : {}) };
        const person = await deps.writer.write(async (trx, emit) => {
          const before = await trx.selectFrom('people').select('kind').where('id', '=', id).executeTakeFirst();
          if (!before) throw new AppError('NOT_FOUND', 'person not found');
          // A correspondent's byline names their district: it can change, not go.
          if (before.kind === 'correspondent' && districtId === null) throw new AppError('INVALID_INPUT', 'districtId: a correspondent needs a district');
          if (Object.keys(set).length) await trx.updateTable('people').set(set).where('id', '=', id).execute();
          const person = await trx.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
          await audit(trx, { userId: actor.userId, action: 'person.update', targetType: 'person', targetId: id, details: body, at: now() });
          // Their articles' pages and search entries (byline terms) follow the new name or place.
          emit({ type: 'person.changed', payload: { id } });
          return person;
        });
        return { person: personView(person, await districtNames(db)) };
      },
    }),
  ];
}

function referenceEndpoints(deps: ManageRouteDeps) {
  const { db } = deps;
  const now = () => deps.clock.now().toISOString();
  return [
    adminEndpoint({
      method: 'GET',
      path: '/api/admin/districts',
      summary: "Bangladesh's 64 districts",
      response: listOf(districtAnswer),
      access: { can: 'taxonomy.read' },
      handle: async () => ({ items: (await listDistricts(db)).map(districtView) }),
    }),
    adminEndpoint({
      method: 'GET',
      path: '/api/admin/tags',
      summary: 'Tags starting with what was typed (at most 20)',
      response: listOf(tagAnswer),
      access: { can: 'taxonomy.read' },
      query: tagQuery,
      handle: async ({ query: { q } }) => ({
        items: await db
          .selectFrom('tags')
          .select(['id', 'slug', 'name'])
          .where(textMatches('name', q.trim(), 'starts'))
          .orderBy('name')
          .limit(20)
          .execute(),
      }),
    }),
    adminEndpoint({
      method: 'GET',
      path: '/api/admin/settings',
      summary: "The site's settings",
      response: siteSettingsSchema,
      access: { can: 'taxonomy.read' },
      handle: async () => deps.settings.get(),
    }),
    adminEndpoint({
      method: 'PUT',
      path: '/api/admin/settings',
      summary: "Saves the site's settings",
      response: siteSettingsSchema,
      access: { can: 'settings.manage' },
      body: siteSettingsSchema,
      invalidates: ['every page'],
      handle: async ({ actor, body }) =>
        deps.writer.write(async (trx, emit) => {
          const next = await deps.settings.save(trx, emit, body);
          await audit(trx, { userId: actor.userId, action: 'settings.update', targetType: 'settings', targetId: 'site', details: next, at: now() });
          return next;
        }),
    }),
    adminEndpoint({
      method: 'GET',
      path: '/api/admin/audit',
      summary: 'Who did what, newest first',
      response: pageOf(auditEntryAnswer),
      access: { can: 'audit.read' },
      query: auditQuery,
      handle: async ({ query: { limit, cursor } }) => {
        const rows = await listAudit(db, limit, cursor);
        const items = rows.map(auditView);
        return { items, nextCursor: items.length === limit ? (items.at(-1)?.id ?? null) : null };
      },
    }),
  ];
}
