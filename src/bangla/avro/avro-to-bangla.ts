// Avro Phonetic: Roman letters → Bangla, longest pattern first, case-sensitive only where
// Avro is (o i u d g j n r s t y z: Dhaka → ঢাকা, dhaka → ধাকা; K and k are the same).

import { AVRO_CONTEXT_RULES } from './avro-context-rules.ts';
import { AVRO_PATTERNS } from './avro-patterns.ts';

const CASE_SENSITIVE = 'oiudgjnrstyz';

const LONGEST_PATTERN = Math.max(...[...AVRO_PATTERNS.keys(), ...AVRO_CONTEXT_RULES.keys()].map((key) => key.length));

// Letters whose capital means nothing different are read as lower case (A = a, K = k).
function foldCase(text: string): string {
  return text.replace(/[A-Z]/g, (letter) => (CASE_SENSITIVE.includes(letter.toLowerCase()) ? letter : letter.toLowerCase()));
}

interface Step {
  readonly length: number;
  readonly bangla: string;
}

function stepAt(text: string, at: number): Step {
  for (let length = Math.min(LONGEST_PATTERN, text.length - at); length > 0; length--) {
    const key = text.slice(at, at + length);
    const rule = AVRO_CONTEXT_RULES.get(key);
    if (rule) return { length, bangla: rule({ before: text[at - 1], after: text[at + length] }) };
    const bangla = AVRO_PATTERNS.get(key);
    if (bangla !== undefined) return { length, bangla };
  }
  // Spaces, punctuation Avro does not map, and non-Latin text pass through.
  return { length: 1, bangla: text[at] as string };
}

/** Converts Roman text typed with Avro Phonetic rules to Bangla: "ami banglay gan gai" → "আমি বাংলায় গান গাই". */
export function avroToBangla(text: string): string {
  const folded = foldCase(text);
  let bangla = '';
  for (let at = 0; at < folded.length;) {
    const step = stepAt(folded, at);
    bangla += step.bangla;
    at += step.length;
  }
  // Stored text is NFC, like the rest of the site's Bengali (য় as য + nukta).
  return bangla.normalize('NFC');
}
