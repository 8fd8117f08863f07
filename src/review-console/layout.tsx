import type { Child } from 'hono/jsx';
import { CONSOLE_CSS } from './styles.js';

/** The document frame: the inline stylesheet and the one client module; everything else is in `children`. */
export function Layout(props: { children: Child }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <title>nof1 · reviewer console</title>
        {/* An empty icon: otherwise the browser asks for /favicon.ico and logs a 404 on every load. */}
        <link rel="icon" href="data:," />
        {/* A constant of ours, not data: inserted raw so its CSP hash matches byte for byte. */}
        <style dangerouslySetInnerHTML={{ __html: CONSOLE_CSS }} />
        <script type="module" src="/review/app.js" />
      </head>
      <body>
        <header class="top">
          <h1>nof1 · reviewer console</h1>
          <div class="who" id="who" hidden>
            <span id="who-name">Signed in</span>
            <button type="button" id="sign-out">
              Sign out
            </button>
          </div>
        </header>
        <main>
          {/* Announces what just happened (a decision, a refresh) to screen readers too. */}
          <div id="status" class="alert info" role="status" aria-live="polite" hidden />
          {props.children}
        </main>
      </body>
    </html>
  );
}
