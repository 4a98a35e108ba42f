import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EmbedProvider } from './document-types.ts';
import { embedProviderOf } from './embed-url.ts';

test('embedProviderOf recognises real post and video URLs only (table)', () => {
  const cases: Array<[string, EmbedProvider | undefined]> = [
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'youtube'],
    ['https://youtube.com/watch?feature=share&v=dQw4w9WgXcQ', 'youtube'],
    ['https://m.youtube.com/watch?v=dQw4w9WgXcQ&t=42s', 'youtube'],
    ['https://youtu.be/dQw4w9WgXcQ', 'youtube'],
    ['https://www.youtube.com/shorts/dQw4w9WgXcQ', 'youtube'],
    ['https://www.youtube.com/live/dQw4w9WgXcQ', 'youtube'],
    ['https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ', 'youtube'],
    ['https://www.facebook.com/prokashnews/posts/pfbid02abc', 'facebook'],
    ['https://www.facebook.com/prokashnews/videos/123456/', 'facebook'],
    ['https://www.facebook.com/watch/?v=123456', 'facebook'],
    ['https://m.facebook.com/story.php?story_fbid=1&id=2', 'facebook'],
    ['https://fb.watch/abcDEF12/', 'facebook'],
    ['https://x.com/prokashnews/status/1701980000000000000', 'x'],
    ['https://twitter.com/prokashnews/status/1701980000000000000/photo/1', 'x'],
    ['https://mobile.twitter.com/i/web/status/1', 'x'],
    // not embeddable
    ['https://www.youtube.com/', undefined],
    ['https://www.youtube.com/watch?v=short', undefined],
    ['https://www.youtube.com/@prokashnews', undefined],
    ['https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ', undefined],
    ['https://evil.example/watch?v=dQw4w9WgXcQ&u=youtube.com', undefined],
    ['https://evilyoutube.com/watch?v=dQw4w9WgXcQ', undefined],
    ['https://www.youtube.com@evil.example/watch?v=dQw4w9WgXcQ', undefined],
    ['https://www.youtube.com:8443/watch?v=dQw4w9WgXcQ', undefined],
    ['javascript://www.youtube.com/%0aalert(1)', undefined],
    ['//www.youtube.com/watch?v=dQw4w9WgXcQ', undefined],
    ['https://www.facebook.com/', undefined],
    ['https://www.facebook.com/l.php?u=https%3A%2F%2Fevil.example', undefined],
    ['https://www.facebook.com/plugins/post.php?href=x', undefined],
    ['https://l.facebook.com/l.php?u=x', undefined],
    ['https://x.com/prokashnews', undefined],
    ['https://x.com/prokashnews/status/abc', undefined],
    ['https://x.com.evil.example/prokashnews/status/1', undefined],
    ['https://www.instagram.com/p/abc/', undefined],
  ];
  for (const [url, expected] of cases) assert.equal(embedProviderOf(url), expected, url);
});
