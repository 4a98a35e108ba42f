/// <reference lib="dom" />
// Checks of Bengali text as Chromium draws it, shared by the article screenshot tests (with the
// web font, and with it blocked).
import type { Page } from 'playwright-core';

// A conjunct drawn by a Bengali font that shapes is narrower than its consonants side by side;
// drawn as tofu (one box per code point, the virama included) or unshaped, it is wider.
export const CONJUNCTS = [
  { text: 'ক্ষ', parts: ['ক', 'ষ'] },
  { text: 'ন্ত্র', parts: ['ন', 'ত', 'র'] },
  { text: 'র্য', parts: ['র', 'য'] },
] as const;

/** Widths of each string drawn in the article body's font, from spans added to the page. */
export function widths(page: Page, strings: string[]): Promise<number[]> {
  return page.evaluate((list) => {
    const host = document.querySelector('article p') ?? document.body;
    return list.map((s) => {
      const span = document.createElement('span');
      span.textContent = s;
      span.style.whiteSpace = 'nowrap';
      host.append(span);
      const w = span.getBoundingClientRect().width;
      span.remove();
      return w;
    });
  }, strings);
}

/** The conjuncts that are not shaped (drawn as wide as their parts or wider), with their widths. */
export async function unshapedConjuncts(page: Page): Promise<string[]> {
  const bad: string[] = [];
  for (const c of CONJUNCTS) {
    const [whole = 0, ...parts] = await widths(page, [c.text, ...c.parts]);
    const sum = parts.reduce((a, b) => a + b, 0);
    if (!(whole > 0 && whole < sum)) bad.push(`${c.text} is ${whole.toFixed(1)} px wide, its consonants ${sum.toFixed(1)} px`);
  }
  return bad;
}

/** The fonts Chromium drew a node's text with (CDP CSS.getPlatformFontsForNode). */
export async function fontsOf(page: Page, selector: string): Promise<{ familyName: string; isCustomFont: boolean }[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  await cdp.detach();
  return fonts.map((f) => ({ familyName: f.familyName, isCustomFont: f.isCustomFont }));
}

/** Where the article's headline and body text overlap: blocks drawn over each other, or lines of one block on top of one another. */
export function overlappingText(page: Page): Promise<string[]> {
  // No named inner functions: the bundler's name helper does not exist in the page.
  return page.evaluate(() => {
    const blocks = Array.from(
      document.querySelectorAll('article h1, article .article__kicker, article .article__subtitle, article .article__meta, article .article__body > *'),
    );
    const problems: string[] = [];
    const boxes = blocks.map((e) => ({
      name: `${e.tagName.toLowerCase()}.${e.className} "${e.textContent.trim().slice(0, 20)}"`,
      r: e.getBoundingClientRect(),
    }));
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!.r;
        const b = boxes[j]!.r;
        const overlap = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1 && Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1;
        if (overlap && a.height > 0 && b.height > 0) problems.push(`${boxes[i]!.name} over ${boxes[j]!.name}`);
      }
    // Within a block: each line of text starts at least one font size below the one before.
    for (const e of blocks) {
      if (!(e instanceof HTMLElement) || !e.matches('h1, .article__body > p') || !e.innerText.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(e);
      const size = parseFloat(getComputedStyle(e).fontSize);
      const tops = [...new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top)))].sort((a, b) => a - b);
      for (let k = 1; k < tops.length; k++)
        if (tops[k]! - tops[k - 1]! > 2 && tops[k]! - tops[k - 1]! < size * 0.9)
          problems.push(`lines of ${e.tagName.toLowerCase()} "${e.innerText.slice(0, 20)}" ${tops[k]! - tops[k - 1]!} px apart at ${size} px`);
    }
    return problems;
  });
}
