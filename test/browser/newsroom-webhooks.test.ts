/// <reference lib="dom" />
// Issue 17, point 4, in a real browser, on each database: an
// admin adds a webhook for a receiver on 127.0.0.1, sees its secret once, sees the delivery of a
// publish in the log, redelivers it and sees the redelivery logged; a bad URL is refused in Bengali;
// the screen passes axe-core (WCAG 2.1 A/AA); an editor has no such screen.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { DIALECTS, type TestDatabase } from '../helpers/databases.ts';
import { AdminClient } from '../helpers/admin-client.ts';
import { browserUnavailable } from '../helpers/browser.ts';
import { axeViolations, formatViolations } from '../helpers/axe.ts';
import { signIn, newsroomInBrowser, closeNewsroomInBrowser, SCREENSHOTS } from '../helpers/newsroom-browser.ts';
import { documentedVerifier, startReceiver, type Receiver } from '../helpers/webhook-receiver.ts';
import { TEST_NOW } from '../helpers/app.ts';
import type { App } from '../../src/app.ts';

const skip = browserUnavailable();
const OWNER = { name: 'সম্পাদক মালিক', email: 'owner@prokash.test', password: 'owner-password-1' };
const EDITOR = { name: 'বার্তা সম্পাদক', email: 'editor@prokash.test', password: 'editor-password-1' };
const HEADLINE = 'নদীভাঙনে ঘর হারাল ত্রিশ পরিবার';

for (const dialect of DIALECTS) {
  describe(`the webhooks screen in a browser (${dialect})`, { skip }, () => {
    let t: TestDatabase | undefined;
    let app: App | undefined;
    let browser: Browser | undefined;
    let receiver: Receiver | undefined;
    let origin: string;
    let editor: AdminClient;

    before(async () => {
      ({ t, app, origin, browser } = await newsroomInBrowser(dialect));
      receiver = await startReceiver();
      const owner = await AdminClient.setup(app.server, OWNER.name, OWNER.email, OWNER.password);
      await owner.call('POST', '/api/admin/users', { ...EDITOR, role: 'editor' }, 201);
      editor = await AdminClient.login(app.server, EDITOR.email, EDITOR.password);
    });
    after(async () => {
      await receiver?.close();
      await closeNewsroomInBrowser({ t, app, browser });
    });

    test('an admin adds a webhook, sees its secret once, sees a publish delivered and redelivers it', { timeout: 60_000 }, async () => {
      const context = await browser!.newContext({ viewport: { width: 1280, height: 900 }, locale: 'bn-BD' });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('console', (m) => {
        // A refused URL answers 400: the browser logs the failed request; the app shows the message.
        if (m.type() === 'error' && !/status of (401|400)/.test(m.text())) problems.push(m.text());
      });
      try {
        await signIn(page, origin, OWNER);
        await page.getByRole('link', { name: 'ওয়েবহুক' }).click();
        await page.getByRole('heading', { name: 'ওয়েবহুক', level: 1 }).waitFor();
        await page.getByText('এখনো কোনো ওয়েবহুক নেই।').waitFor();

        // A URL with a password in it is refused, in Bengali, and nothing is added.
        await page.getByLabel('ঠিকানা (URL)').fill('https://user:secret@partner.example.com/hook');
        await page.getByRole('button', { name: 'ওয়েবহুক যোগ করুন' }).click();
        await page.getByRole('alert').getByText('ওয়েবহুকের ঠিকানাটি (URL) ঠিক নেই', { exact: false }).waitFor();

        await page.getByLabel('ঠিকানা (URL)').fill(receiver!.url);
        await page.getByLabel('বিবরণ').fill('মোবাইল অ্যাপের পুশ');
        await page.getByLabel('খবর হালনাগাদ').check();
        await page.getByRole('button', { name: 'ওয়েবহুক যোগ করুন' }).click();
        const secretBox = page.locator('[data-secret]');
        await secretBox.waitFor();
        const secret = await secretBox.innerText();
        assert.match(secret, /^whsec_[A-Za-z0-9_-]{43}$/);
        assert.match(await page.locator('.secret').innerText(), /শুধু এখনই দেখানো হচ্ছে/);
        await page.locator('tr[data-webhook]').getByText('খবর প্রকাশ, খবর হালনাগাদ').waitFor();
        assert.deepEqual(formatViolations(await axeViolations(page, 'webhooks with a new secret')), '');
        await page.screenshot({ path: `${SCREENSHOTS}/newsroom-webhooks-secret-${dialect}.png`, fullPage: true });

        // The secret is not shown again once the screen is left.
        await page.reload();
        await page.locator('tr[data-webhook]').waitFor();
        assert.equal(await page.locator('[data-secret]').count(), 0);
        assert.doesNotMatch(await page.content(), /whsec_/);

        // An editor publishes: the receiver gets it, signed with the secret the admin saw.
        const sectionId = (await t!.db.selectFrom('sections').select('id').where('path', '=', 'country').executeTakeFirstOrThrow()).id;
        const deskId = (await t!.db.selectFrom('people').select('id').where('slug', '=', 'prokash-desk').executeTakeFirstOrThrow()).id;
        const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'রাতভর ভাঙনে নদীতে বিলীন হয়েছে অন্তত ত্রিশটি ঘর।' }] }] };
        const { article } = await editor.call(
          'POST',
          '/api/admin/articles',
          { sectionId, headline: HEADLINE, body, byline: { kind: 'desk', personIds: [deskId] }, tags: [] },
          201,
        );
        await editor.call('POST', `/api/admin/articles/${article.id}/publish`, undefined, 200);
        const [got] = await receiver!.waitFor(1);
        const verify = await documentedVerifier();
        assert.equal(verify(String(got!.headers['prokash-signature']), got!.body, secret, Math.floor(Date.parse(TEST_NOW) / 1000)), true);
        assert.equal(JSON.parse(got!.body).data.article.headline, HEADLINE);

        await page.getByRole('button', { name: 'পাঠানোর লগ' }).click();
        const row = page.locator('tr[data-delivery]').first();
        await row.getByText('পৌঁছেছে').waitFor();
        await row.getByText('খবর প্রকাশ').waitFor();
        assert.match(await row.innerText(), /২০০/, 'the status code in Bengali digits');
        assert.match(await row.innerText(), /মিলিসেকেন্ড/);

        await row.getByRole('button', { name: 'আবার পাঠান' }).click();
        await row.getByText('আবার পাঠানো').waitFor();
        assert.equal(await row.locator('.attempts li').count(), 2);
        assert.equal(receiver!.received.length, 2);
        assert.equal(receiver!.received[1]!.body, got!.body, 'the same message again');
        assert.deepEqual(formatViolations(await axeViolations(page, 'webhooks with the delivery log')), '');
        await page.screenshot({ path: `${SCREENSHOTS}/newsroom-webhooks-log-${dialect}.png`, fullPage: true });
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });

    test('an editor is not offered the screen', { timeout: 30_000 }, async () => {
      const context = await browser!.newContext({ viewport: { width: 1280, height: 900 }, locale: 'bn-BD' });
      const page = await context.newPage();
      try {
        await signIn(page, origin, EDITOR);
        assert.equal(await page.getByRole('link', { name: 'ওয়েবহুক' }).count(), 0);
      } finally {
        await context.close();
      }
    });
  });
}
