// The newsroom app's entry: fonts and styles bundled by Vite (self-hosted, no external request),
// Bengali input on every field, then the app.
import '@fontsource/noto-sans-bengali/bengali-400.css';
import '@fontsource/noto-sans-bengali/bengali-600.css';
import '@fontsource/noto-sans-bengali/latin-400.css';
import '@fontsource/noto-sans-bengali/latin-600.css';
import './styles/app.css';
import './styles/editor.css';
import { render } from 'preact';
import { App } from './app.tsx';
import { installTextFieldInput } from './input/text-fields.ts';

installTextFieldInput(document);
render(<App />, document.getElementById('app')!);
