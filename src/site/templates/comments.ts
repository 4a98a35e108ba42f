import { html, type SafeHtml } from '../../lib/html.ts';
import type { ArticleVM, CommentVM } from '../view-model.ts';

/**
 * The comment area: the form (a plain HTML form that works without JavaScript; the reader script
 * only keeps the reader on the page), a honeypot field people never see, and the approved
 * comments newest first with one level of replies, each reply form behind a <details>.
 */
export function renderCommentArea(article: ArticleVM): SafeHtml {
  const { comments } = article;
  return html`<div class="comment-area">
  <h2 class="block-title" id="comments-title">মন্তব্য করুন</h2>
  <section id="comments" class="comments" data-article-id="${article.id}" aria-labelledby="comments-title">
    <p class="comment-notice" id="comment-pending" role="status">ধন্যবাদ! আপনার মন্তব্যটি মডারেশনের অপেক্ষায় আছে; অনুমোদনের পর প্রকাশিত হবে।</p>
    <p class="comment-notice" id="comment-published" role="status">ধন্যবাদ! আপনার মন্তব্য প্রকাশিত হয়েছে।</p>
    ${renderCommentForm(comments.formAction, null, 'comment-new')}
    <h3 class="comments__count">${comments.countLabel}</h3>
    ${comments.items.length ? html`<ol class="comment-list">${comments.items.map((c) => renderComment(c, comments.formAction))}</ol>` : ''}
  </section>
</div>`;
}

function renderComment(comment: CommentVM, action: string): SafeHtml {
  return html`<li class="comment" id="comment-${comment.id}">
  ${renderCommentBody(comment)}
  ${comment.replies.length ? html`<ol class="comment-list comment-list--replies">${comment.replies.map((r) => html`<li class="comment comment--reply" id="comment-${r.id}">${renderCommentBody(r)}</li>`)}</ol>` : ''}
  <details class="comment__reply">
    <summary>উত্তর দিন</summary>
    ${renderCommentForm(action, comment.id, `reply-${comment.id}`)}
  </details>
</li>`;
}

function renderCommentBody(comment: CommentVM): SafeHtml {
  return html`<p class="comment__meta"><strong class="comment__name">${comment.name}</strong> <time datetime="${comment.timeIso}">${comment.timeLabel}</time></p>
  <p class="comment__body">${comment.body}</p>`;
}

function renderCommentForm(action: string, parentId: number | null, idPrefix: string): SafeHtml {
  return html`<form class="comment-form" method="post" action="${action}">
  ${parentId === null ? '' : html`<input type="hidden" name="parentId" value="${parentId}">`}
  <label for="${idPrefix}-name">নাম</label>
  <input id="${idPrefix}-name" name="name" required maxlength="60" autocomplete="name">
  <label for="${idPrefix}-body">${parentId === null ? 'মন্তব্য' : 'উত্তর'}</label>
  <textarea id="${idPrefix}-body" name="body" required minlength="2" maxlength="2000" rows="4"></textarea>
  <div class="comment-form__trap" aria-hidden="true">
    <label for="${idPrefix}-website">এই ঘরটি ফাঁকা রাখুন</label>
    <input id="${idPrefix}-website" name="website" tabindex="-1" autocomplete="off">
  </div>
  <button type="submit" class="comment-form__submit">${parentId === null ? 'মন্তব্য পাঠান' : 'উত্তর পাঠান'}</button>
  <p class="comment-form__status" role="status"></p>
  <p class="comment-form__rules">মন্তব্য প্রকাশের আগে মডারেটর দেখে নেন। আক্রমণাত্মক, অশ্লীল বা বিজ্ঞাপনমূলক মন্তব্য প্রকাশ করা হয় না।</p>
</form>`;
}
