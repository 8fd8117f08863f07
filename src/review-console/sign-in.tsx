/** The key never leaves the browser except as the Authorization header of /v1 calls. */
export function SignIn() {
  return (
    <section id="sign-in" class="card signin" aria-labelledby="sign-in-title">
      <h2 id="sign-in-title">Sign in</h2>
      <p class="muted">
        Paste your reviewer key. It is kept for this browser tab only and forgotten when you sign out.
      </p>
      {/*
        The key must never reach a URL (address bar, history, proxy and server logs). The input has no
        name, so even a submit without JavaScript sends nothing; the form posts, so it could never be a
        query string; and the post answers a redirect without reading its body.
      */}
      <form id="sign-in-form" method="post" action="/review/sign-in" autocomplete="off">
        <div class="field">
          <label for="key">Reviewer key</label>
          <input id="key" type="password" autocomplete="off" required spellcheck={false} />
        </div>
        <noscript>
          <p class="alert error">The console needs JavaScript to sign in; without it your key is not sent.</p>
        </noscript>
        <div id="sign-in-error" class="alert error" role="alert" hidden />
        <button type="submit" class="primary">
          Sign in
        </button>
      </form>
    </section>
  );
}
