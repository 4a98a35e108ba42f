// Bengali stop words: function words, pronouns, auxiliaries and reporting verbs that carry no
// search meaning in news text. Kept short on purpose: a word left out only costs index space,
// a word wrongly put in can never be found. Normalised at load by the same key function.
import { normalizeForSearch } from './normalize.ts';

const WORDS = `
ও এবং আর বা কিংবা অথবা কিন্তু তবে তবু যদি তাহলে তাই কারণ যেন যে যা যার যাকে যারা যিনি
এ এই এটা এটি এর এরা এদের এখানে এখন এমন এক একটি একটা সে সেই সেটা সেটি সেখানে তখন
তিনি তাঁর তাঁকে তার তাকে তারা তাদের তাঁদের তা তাও আমি আমরা আমার আমাদের আপনি আপনার
তুমি তোমার কে কী কি কেন কোন কোনো কেউ কিছু নিজ নিজের
থেকে জন্য সঙ্গে সাথে দিয়ে নিয়ে করে কাছে পরে আগে মধ্যে ভেতরে উপর ওপর নিচে দিকে প্রতি
হয় হয়ে হয়েছে হয়েছিল হবে হলো হল হলে হচ্ছে ছিল ছিলেন আছে আছেন নেই না নি
করা করেন করেছে করেছেন করছে করবে করতে বলেন বলে বলেছেন জানান জানিয়েছেন বলা
টি টা টির টার টায় টিতে গেছে
`;

const STOP_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean).map(normalizeForSearch));

/** True for a normalised token that the index leaves out. */
export function isStopWord(token: string): boolean {
  return STOP_WORDS.has(token);
}
