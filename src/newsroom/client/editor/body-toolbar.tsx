import type { Editor } from '@tiptap/core';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { embedProviderOf } from '../../../content/document/embed-url.ts';
import { isSafeLinkHref } from '../../../content/document/safe-url.ts';
import type { Image } from '../api-types.ts';
import { useT } from '../i18n/use-t.ts';
import type { MessageKey } from '../i18n/translate.ts';
import { convertFieldSelection, textFieldOf } from '../input/text-fields.ts';
import { MediaPicker } from '../media/media-picker.tsx';
import { convertEditorSelection } from './bangla-input.ts';
import { caretAfterInsertedBlock } from './caret-after-block.ts';
import { toolName } from './tool-name.ts';

interface ToolButtonProps {
  label: MessageKey;
  text: string;
  active?: boolean;
  disabled?: boolean;
  onClick: () => void;
}

function ToolButton({ label, text, active, disabled, onClick }: ToolButtonProps) {
  const t = useT();
  return (
    <button
      type="button"
      class="tool"
      title={t(label)}
      aria-label={toolName(text, t(label))}
      aria-pressed={active === undefined ? undefined : active}
      disabled={disabled}
      // Keep the editor's selection: a toolbar click must not move focus away first.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      {text}
    </button>
  );
}

type Form = { kind: 'link'; value: string } | { kind: 'embed'; value: string } | null;

const MOVES: Record<string, (at: number, count: number) => number> = {
  ArrowRight: (at, count) => (at + 1) % count,
  ArrowDown: (at, count) => (at + 1) % count,
  ArrowLeft: (at, count) => (at - 1 + count) % count,
  ArrowUp: (at, count) => (at - 1 + count) % count,
  Home: () => 0,
  End: (_at, count) => count - 1,
};

/**
 * The toolbar as WAI-ARIA's toolbar pattern has it: one Tab stop (the button used last, else the
 * first), the arrow keys, Home and End to move between the buttons that can be used, Enter or
 * Space to press one; Alt+F10 in the text comes here and Escape goes back. Seventeen Tab stops
 * between the summary and the body would be too many.
 */
function useRovingFocus(editor: Editor): {
  ref: { current: HTMLDivElement | null };
  onKeyDown: (event: KeyboardEvent) => void;
  onFocusIn: (event: FocusEvent) => void;
} {
  const ref = useRef<HTMLDivElement>(null);
  const last = useRef<HTMLButtonElement | null>(null);
  const usable = () => [...(ref.current?.querySelectorAll<HTMLButtonElement>('button.tool') ?? [])].filter((b) => !b.disabled);
  const stop = () => {
    const buttons = usable();
    return last.current && buttons.includes(last.current) ? last.current : buttons[0];
  };
  // After every render: a button that became disabled (undo, with nothing to undo) hands the Tab stop on.
  useLayoutEffect(() => {
    const current = stop();
    for (const button of ref.current?.querySelectorAll<HTMLButtonElement>('button.tool') ?? []) button.tabIndex = button === current ? 0 : -1;
  });
  useEffect(() => {
    const text = editor.view.dom;
    const toToolbar = (event: KeyboardEvent) => {
      if (event.key !== 'F10' || !event.altKey) return;
      event.preventDefault();
      stop()?.focus();
    };
    text.addEventListener('keydown', toToolbar);
    return () => text.removeEventListener('keydown', toToolbar);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- stop reads refs only
  }, [editor]);
  const onFocusIn = (event: FocusEvent) => {
    if (!(event.target instanceof HTMLButtonElement)) return;
    for (const button of usable()) button.tabIndex = button === event.target ? 0 : -1;
    last.current = event.target;
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && event.target instanceof HTMLButtonElement) {
      event.preventDefault();
      editor.commands.focus();
      return;
    }
    const move = MOVES[event.key];
    const buttons = usable();
    const at = buttons.indexOf(event.target as HTMLButtonElement);
    if (!move || at < 0 || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    buttons[move(at, buttons.length)]?.focus();
  };
  return { ref, onKeyDown, onFocusIn };
}

/** Formatting, blocks, links, images, embeds, Bijoy → Unicode, undo and redo. */
export function BodyToolbar({ editor }: { editor: Editor }) {
  const t = useT();
  const [form, setForm] = useState<Form>(null);
  const [formError, setFormError] = useState('');
  const [picking, setPicking] = useState(false);
  const roving = useRovingFocus(editor);
  // The form's field takes the caret when the form opens (autofocus does nothing once the page has a
  // focus: the button pressed keeps it).
  const field = useRef<HTMLInputElement>(null);
  const formKind = form?.kind;
  useEffect(() => {
    if (formKind) field.current?.focus();
  }, [formKind]);
  const closeForm = () => {
    setForm(null);
    setFormError('');
    editor.commands.focus();
  };
  const chain = () => editor.chain().focus();

  const convertSelection = () => {
    // The action works on a selected plain field too, when the button is reached from one.
    const field = textFieldOf(document.activeElement);
    if (field) convertFieldSelection(field);
    else convertEditorSelection(editor);
  };

  const applyForm = (event: Event) => {
    event.preventDefault();
    if (!form) return;
    const value = form.value.trim();
    if (form.kind === 'link') {
      if (value === '') chain().extendMarkRange('link').unsetLink().run();
      else if (!isSafeLinkHref(value)) {
        setFormError(t('editor.badLink'));
        return;
      } else chain().extendMarkRange('link').setLink({ href: value }).run();
    } else {
      const provider = embedProviderOf(value);
      if (!provider) {
        setFormError(t('editor.badEmbed'));
        return;
      }
      chain()
        .insertContent({ type: 'embed', attrs: { provider, url: value } })
        .command(caretAfterInsertedBlock)
        .run();
    }
    setForm(null);
    setFormError('');
  };

  const insertImage = (image: Image) => {
    setPicking(false);
    chain()
      .insertContent({
        type: 'image',
        attrs: { src: image.url, alt: image.alt, caption: image.caption, credit: image.credit, width: image.width, height: image.height },
      })
      .command(caretAfterInsertedBlock)
      .run();
  };

  const is = (name: string, attrs?: Record<string, unknown>) => editor.isActive(name, attrs);
  return (
    <div class="toolbar-wrap">
      <div class="toolbar" role="toolbar" aria-label={t('editor.toolbar')} ref={roving.ref} onKeyDown={roving.onKeyDown} onFocusIn={roving.onFocusIn}>
        <ToolButton label="editor.bold" text="B" active={is('bold')} onClick={() => chain().toggleBold().run()} />
        <ToolButton label="editor.italic" text="I" active={is('italic')} onClick={() => chain().toggleItalic().run()} />
        <span class="tool-sep" />
        <ToolButton label="editor.paragraph" text="¶" active={is('paragraph')} onClick={() => chain().setParagraph().run()} />
        <ToolButton label="editor.heading2" text="H2" active={is('heading', { level: 2 })} onClick={() => chain().toggleHeading({ level: 2 }).run()} />
        <ToolButton label="editor.heading3" text="H3" active={is('heading', { level: 3 })} onClick={() => chain().toggleHeading({ level: 3 }).run()} />
        <ToolButton label="editor.heading4" text="H4" active={is('heading', { level: 4 })} onClick={() => chain().toggleHeading({ level: 4 }).run()} />
        <ToolButton label="editor.quote" text="❝" active={is('blockquote')} onClick={() => chain().toggleBlockquote().run()} />
        <ToolButton label="editor.bulletList" text="•≡" active={is('bulletList')} onClick={() => chain().toggleBulletList().run()} />
        <ToolButton label="editor.orderedList" text="১≡" active={is('orderedList')} onClick={() => chain().toggleOrderedList().run()} />
        <ToolButton label="editor.rule" text="—" onClick={() => chain().setHorizontalRule().run()} />
        <span class="tool-sep" />
        <ToolButton
          label="editor.link"
          text={t('editor.linkShort')}
          active={is('link')}
          onClick={() => setForm({ kind: 'link', value: (editor.getAttributes('link').href as string | undefined) ?? '' })}
        />
        <ToolButton label="editor.image" text={t('editor.imageShort')} onClick={() => setPicking(true)} />
        <ToolButton label="editor.embed" text={t('editor.embedShort')} onClick={() => setForm({ kind: 'embed', value: '' })} />
        <span class="tool-sep" />
        <ToolButton label="editor.bijoy" text={t('editor.bijoyShort')} onClick={convertSelection} />
        <span class="tool-sep" />
        <ToolButton label="editor.undo" text="↶" disabled={!editor.can().undo()} onClick={() => chain().undo().run()} />
        <ToolButton label="editor.redo" text="↷" disabled={!editor.can().redo()} onClick={() => chain().redo().run()} />
      </div>
      {form && (
        <form
          class="toolbar-form"
          onSubmit={applyForm}
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            event.preventDefault();
            closeForm();
          }}
        >
          <label>
            {t(form.kind === 'link' ? 'editor.linkUrl' : 'editor.embedUrl')}
            <input
              // Text, not url: a link may be a site path such as /world/asia/251042.
              type="text"
              inputMode="url"
              data-bangla="off"
              ref={field}
              value={form.value}
              placeholder={form.kind === 'link' ? 'https://' : 'https://www.youtube.com/watch?v=…'}
              onInput={(e) => setForm({ ...form, value: e.currentTarget.value })}
            />
          </label>
          <button class="button primary" type="submit">
            {t('common.apply')}
          </button>
          <button class="button ghost" type="button" onClick={closeForm}>
            {t('common.cancel')}
          </button>
          {formError && (
            <p class="error-box" role="alert">
              {formError}
            </p>
          )}
        </form>
      )}
      {picking && <MediaPicker onPick={insertImage} onClose={() => setPicking(false)} />}
    </div>
  );
}
