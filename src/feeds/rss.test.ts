import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { childOf, childrenOf, NS, parseXml } from '../../test/feeds-xml.ts';
import { renderRss, type FeedChannel, type RssItem } from './rss.ts';
import { cdata, formatRfc822, xmlSafe } from './xml.ts';

const channel: FeedChannel = {
  title: 'প্রকাশ & বন্ধুরা',
  link: 'https://example.bd/',
  description: 'সর্বশেষ খবর',
  selfUrl: 'https://example.bd/rss.xml',
  imageUrl: 'https://example.bd/publisher-logo.png',
  timeZone: 'Asia/Dhaka',
};

function item(n: number, bodyChars = 100): RssItem {
  return {
    url: `https://example.bd/world/asia/${n}`,
    title: `খবর ${n} <b>"বিশেষ"</b>`,
    summary: 'সারাংশ & আরও',
    bodyHtml: `<p>${'ক'.repeat(bodyChars)}</p><p>]]> ভাঙা CDATA</p>`,
    publishedAt: new Date(Date.UTC(2023, 8, 13, 10, 57) - n * 60_000),
    creators: ['আন্তর্জাতিক ডেস্ক'],
    categories: ['এশিয়া', 'রাশিয়া'],
    image: { url: `https://example.bd/media/2023/09/${n}.jpg`, type: 'image/jpeg', length: 12345, width: 800, height: 450, caption: 'ছবি', credit: 'রয়টার্স' },
  };
}

// Items handed over one at a time as the renderer asks, as a database cursor would; `read` records which.
async function* from(items: RssItem[], read: number[] = []) {
  for (const [i, it] of items.entries()) {
    read.push(i);
    yield Promise.resolve(it);
  }
}

describe('renderRss', () => {
  it('writes well-formed RSS 2.0 with every namespace it uses declared', async () => {
    const root = parseXml(await renderRss(channel, from([item(1), item(2)])));
    assert.equal(root.name, 'rss');
    assert.equal(root.attrs.get('version'), '2.0');
    const ch = childOf(root, '', 'channel');
    assert.equal(childOf(ch, '', 'title').text, 'প্রকাশ & বন্ধুরা');
    assert.equal(childOf(ch, '', 'language').text, 'bn');
    const self = childOf(ch, NS.atom, 'link');
    assert.equal(self.attrs.get('rel'), 'self');
    assert.equal(self.attrs.get('href'), 'https://example.bd/rss.xml');
    assert.equal(childOf(ch, '', 'lastBuildDate').text, 'Wed, 13 Sep 2023 16:56:00 +0600', 'the newest item');
    const items = childrenOf(ch, '', 'item');
    assert.equal(items.length, 2);
    const first = items[0]!;
    assert.equal(childOf(first, '', 'title').text, 'খবর 1 <b>"বিশেষ"</b>');
    assert.equal(childOf(first, '', 'guid').text, 'https://example.bd/world/asia/1');
    assert.equal(childOf(first, '', 'guid').attrs.get('isPermaLink'), 'true');
    assert.equal(childOf(first, '', 'pubDate').text, 'Wed, 13 Sep 2023 16:56:00 +0600');
    assert.equal(childOf(first, NS.dc, 'creator').text, 'আন্তর্জাতিক ডেস্ক');
    assert.deepEqual(
      childrenOf(first, '', 'category').map((c) => c.text),
      ['এশিয়া', 'রাশিয়া'],
    );
    assert.equal(childOf(first, NS.content, 'encoded').text, item(1).bodyHtml, 'the body survives CDATA splitting intact');
    const enclosure = childOf(first, '', 'enclosure');
    assert.deepEqual(Object.fromEntries(enclosure.attrs), { url: 'https://example.bd/media/2023/09/1.jpg', length: '12345', type: 'image/jpeg' });
    const media = childOf(first, NS.media, 'content');
    assert.equal(media.attrs.get('width'), '800');
    assert.equal(childOf(media, NS.media, 'credit').text, 'রয়টার্স');
  });

  it('stops adding items before the size limit and reads no further', async () => {
    const items = Array.from({ length: 40 }, (_, n) => item(n, 20_000)); // ~60 kB of UTF-8 each
    const read: number[] = [];
    const xml = await renderRss(channel, from(items, read), 500_000);
    const size = Buffer.byteLength(xml);
    assert.ok(size <= 500_000, `${size} bytes`);
    const kept = childrenOf(childOf(parseXml(xml), '', 'channel'), '', 'item').length;
    assert.ok(kept >= 7 && kept < 40, `${kept} items`);
    assert.ok(size + 62_000 > 500_000, 'one more item would not have fitted');
    assert.equal(read.length, kept + 1, 'the source is read one past the last item kept, no further');
  });

  it('an empty feed is still a valid channel', async () => {
    const ch = childOf(parseXml(await renderRss(channel, from([]))), '', 'channel');
    assert.equal(childrenOf(ch, '', 'item').length, 0);
  });
});

describe('xml helpers', () => {
  it('formats RFC 822 dates in the site zone', () => {
    assert.equal(formatRfc822(new Date('2023-09-13T10:57:00Z'), 'Asia/Dhaka'), 'Wed, 13 Sep 2023 16:57:00 +0600');
    assert.equal(formatRfc822(new Date('2024-01-01T00:00:00Z'), 'America/St_Johns'), 'Sun, 31 Dec 2023 20:30:00 -0330');
  });
  it('drops characters XML cannot carry and splits ]]> in CDATA', () => {
    assert.equal(xmlSafe('ক\u0000খ\u0008গ\uFFFE'), 'কখগ');
    assert.equal(parseXml(`<a>${cdata('x]]>y\u0001')}</a>`).text, 'x]]>y');
  });
  it('the test XML reader rejects what is not well-formed', () => {
    for (const bad of ['<a><b></a>', '<a x="1" x="2"/>', '<a>&nbsp;</a>', '<a>& b</a>', '<n:a/>', '<a><![CDATA[x</a>', '<a/><b/>', '<a b=1/>', '<a>]]></a>']) {
      assert.throws(() => parseXml(bad), Error, bad);
    }
    assert.equal(parseXml('<?xml version="1.0"?><n:a xmlns:n="urn:x">&#x995;&amp;</n:a>').ns, 'urn:x');
  });
});
