import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderListsTabsInner } from './lists-tabs.ts';
import { sampleLists } from './sample-view-models.ts';

describe('the সর্বশেষ / জনপ্রিয় tabs', () => {
  it('with no জনপ্রিয় list, show সর্বশেষ alone: no second tab, nothing to switch', () => {
    const html = renderListsTabsInner({ ...sampleLists(), popular: [] }).toString();
    assert.ok(!html.includes('জনপ্রিয়'), 'no জনপ্রিয় tab');
    assert.ok(!html.includes('type="radio"'), 'nothing to switch');
    assert.match(html, /<h2 class="tabs__label" id="lists-title">সর্বশেষ<\/h2>/);
    assert.equal([...html.matchAll(/class="numbered__item"/g)].length, 20);
    assert.match(html, /<a class="tabs__more" href="\/latest">সব খবর<\/a>/);
  });

  it('name the window জনপ্রিয় was counted over, and link to the rest of it when it has a page', () => {
    const week = renderListsTabsInner({ ...sampleLists(), popularLabel: 'এই সপ্তাহে সবচেয়ে পঠিত', popularHref: '/popular?window=7d' }).toString();
    const panel = week.slice(week.indexOf('tabs__panel--popular'));
    assert.match(panel, /<p class="tabs__note">এই সপ্তাহে সবচেয়ে পঠিত<\/p>/);
    assert.match(panel, /<a class="tabs__more" href="\/popular\?window=7d">আরও জনপ্রিয় খবর<\/a>/);
    assert.match(week, /<label class="tabs__label" for="tab-popular">জনপ্রিয়<\/label>/);
    const month = renderListsTabsInner({ ...sampleLists(), popularLabel: 'এই মাসে সবচেয়ে পঠিত', popularHref: '' }).toString();
    assert.ok(month.includes('এই মাসে সবচেয়ে পঠিত'));
    assert.ok(!month.includes('আরও জনপ্রিয় খবর'), 'the month has no page to link to');
  });
});
