import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../lib/errors.ts';
import type { ArticleContent } from './article-content.ts';

const KIND_OF_BYLINE = { desk: 'desk', reporters: 'reporter', correspondent: 'correspondent', agency: 'agency' } as const;

/** Every id an article names must exist, and its byline people must be of the byline's kind: 400 otherwise. */
export async function checkReferences(db: Kysely<Database>, c: ArticleContent): Promise<void> {
  const problems: string[] = [];
  if (c.sectionId !== null && !(await db.selectFrom('sections').select('id').where('id', '=', c.sectionId).executeTakeFirst())) {
    problems.push(`sectionId: no section ${c.sectionId}`);
  }
  if (c.districtId !== null && !(await db.selectFrom('districts').select('id').where('id', '=', c.districtId).executeTakeFirst())) {
    problems.push(`districtId: no district ${c.districtId}`);
  }
  if (c.imageId !== null && !(await db.selectFrom('images').select('id').where('id', '=', c.imageId).executeTakeFirst())) {
    problems.push(`imageId: no image ${c.imageId}`);
  }
  const ids = [...new Set(c.byline.personIds)];
  if (ids.length) {
    const people = await db.selectFrom('people').select(['id', 'kind']).where('id', 'in', ids).execute();
    const wanted = KIND_OF_BYLINE[c.byline.kind];
    for (const id of ids) {
      const person = people.find((p) => p.id === id);
      if (!person) problems.push(`byline.personIds: no person ${id}`);
      else if (person.kind !== wanted) problems.push(`byline.personIds: ${id} is a ${person.kind}, not a ${wanted}`);
    }
    if (c.byline.kind !== 'reporters' && ids.length > 1) problems.push(`byline: a ${c.byline.kind} byline names one person`);
  }
  if (c.edition === 'online' && c.printPage !== null) problems.push('printPage: only for the print edition');
  if (problems.length)
    throw new AppError(
      'UNPROCESSABLE',
      problems.join('; '),
      problems.map((message) => ({ message })),
    );
}
