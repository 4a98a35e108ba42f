import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAnalyzer } from '../bangla/analyzer/analyzer.ts';
import { createKnownWords } from '../bangla/analyzer/known-words.ts';
import { graphemeLength } from '../bangla/truncate.ts';
import { parseQuery } from './parse-query.ts';
import { buildSnippet, snippetText, SNIPPET_GRAPHEMES } from './snippet.ts';

const deps = { analyzer: createAnalyzer(), isKnown: createKnownWords() };
const snippet = (text: string, q: string) => buildSnippet(text, parseQuery(q, deps).groups, deps.analyzer);

test('matched words are marked in their written form', () => {
  const parts = snippet('মস্কোতে পুতিনের সঙ্গে বৈঠক করেন কিম।', 'পুতিন');
  assert.deepEqual(
    parts.filter((p) => p.mark).map((p) => p.text),
    ['পুতিনের'],
  );
  assert.equal(snippetText(parts), 'মস্কোতে পুতিনের সঙ্গে বৈঠক করেন কিম।');
});

test('a long text is cut around the best passage, at grapheme boundaries, with ellipses', () => {
  const filler = 'স্বাস্থ্যব্যবস্থার উন্নয়নে ক্ষুদ্র উদ্যোক্তাদের অংশগ্রহণ জরুরি। '.repeat(20);
  const text = `${filler}এরপর ঢাকায় শিক্ষার্থীদের সমাবেশ হয়। ${filler}`;
  const parts = snippet(text, 'ঢাকা শিক্ষার্থী');
  const out = snippetText(parts);
  assert.ok(out.startsWith('…'));
  assert.ok(out.endsWith('…'));
  assert.ok(graphemeLength(out) <= SNIPPET_GRAPHEMES + 1);
  assert.deepEqual(
    parts.filter((p) => p.mark).map((p) => p.text),
    ['ঢাকায়', 'শিক্ষার্থীদের'],
  );
  assert.doesNotMatch(out, /\u09CD…/, 'never a dangling hasanta');
});

test('no match gives the beginning, unmarked; line breaks read as spaces', () => {
  const parts = snippet('প্রথম অনুচ্ছেদ।\n\nদ্বিতীয় অনুচ্ছেদ।', 'পুতিন');
  assert.equal(snippetText(parts), 'প্রথম অনুচ্ছেদ। দ্বিতীয় অনুচ্ছেদ।');
  assert.ok(parts.every((p) => !p.mark));
});
