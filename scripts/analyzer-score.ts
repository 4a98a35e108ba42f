// Scores the Bengali search analyzer on its pair table and compares it with a naive stemmer.
// Run: node --import tsx scripts/analyzer-score.ts
import { createAnalyzer } from '../src/bangla/analyzer/analyzer.ts';
import { ANALYZER_PAIRS } from '../src/bangla/analyzer/analyzer-pairs.ts';
import type { AnalyzerPair } from '../src/bangla/analyzer/analyzer-pairs.ts';
import { tokenize } from '../src/bangla/analyzer/tokenize.ts';
import { isStopWord } from '../src/bangla/analyzer/stop-words.ts';
import { SUFFIX_RULES } from '../src/bangla/analyzer/suffix-rules.ts';
import { countGraphemes } from '../src/bangla/analyzer/graphemes.ts';

type Analyze = (text: string) => string[];

// BANGLA.md §3's examples: what must meet and what must stay apart.
const SECTION_3: readonly AnalyzerPair[] = [
  ...[
    ['পুতিনের', 'পুতিন'],
    ['পুতিনকে', 'পুতিন'],
    ['রাশিয়ার', 'রাশিয়া'],
    ['রাশিয়ায়', 'রাশিয়া'],
    ['ঢাকায়', 'ঢাকা'],
    ['ঢাকার', 'ঢাকা'],
    ['ঢাকাতে', 'ঢাকা'],
    ['শিক্ষার্থীরা', 'শিক্ষার্থী'],
    ['শিক্ষার্থীদের', 'শিক্ষার্থী'],
    ['নেতারা', 'নেতা'],
    ['নেতাদের', 'নেতা'],
    ['বাংলাদেশের', 'বাংলাদেশ'],
    ['বাংলাদেশে', 'বাংলাদেশ'],
  ].map(([a = '', b = '']) => ({ a, b, meet: true, why: 'BANGLA.md §3 must meet' })),
  ...[
    ['ভারত', 'ভার'],
    ['শব', 'সব'],
    ['অসুবিধা', 'সুবিধা'],
    ['সরকার', 'সরকা'],
  ].map(([a = '', b = '']) => ({
    a,
    b,
    meet: false,
    why: 'BANGLA.md §3 must stay apart',
  })),
];

// The baseline: same normaliser, tokenizer and suffix list, but every suffix — the single
// letters র য় ে included — is cut longest first without asking a word list, as the stock
// Lucene-style stemmers do. Only the two-grapheme minimum is kept.
function naiveStem(token: string): string {
  for (const { suffix } of SUFFIX_RULES) {
    const cut = token.length - suffix.length;
    if (cut > 0 && token.endsWith(suffix) && countGraphemes(token, cut, 2) >= 2) return token.slice(0, cut);
  }
  return token;
}

const naive: Analyze = (text) =>
  tokenize(text)
    .filter((t) => !isStopWord(t.token))
    .map((t) => naiveStem(t.token));

function score(name: string, analyze: Analyze, pairs: readonly AnalyzerPair[], showFailures: boolean): void {
  let good = 0;
  for (const pair of pairs) {
    const a = analyze(pair.a);
    const b = analyze(pair.b);
    const meet = a.length === 1 && b.length === 1 && a[0] === b[0];
    if (meet === pair.meet) good++;
    else if (showFailures) {
      console.log(`FAIL ${pair.a} → [${a.join(' ')}] / ${pair.b} → [${b.join(' ')}]: expected ${pair.meet ? 'meet' : 'apart'} (${pair.why})`);
    }
  }
  const percent = ((100 * good) / pairs.length).toFixed(1);
  console.log(`${name}: ${good}/${pairs.length} meet as expected (${percent}%)`);
}

const analyzer = createAnalyzer();
score('analyzer pairs', (text) => analyzer.analyze(text), ANALYZER_PAIRS, true);
score('analyzer on BANGLA.md §3', (text) => analyzer.analyze(text), SECTION_3, true);
score('naive single-letter stemmer on BANGLA.md §3', naive, SECTION_3, false);
score('naive single-letter stemmer on all pairs', naive, ANALYZER_PAIRS, false);
