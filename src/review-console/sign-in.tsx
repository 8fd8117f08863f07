/** The key never leaves the browser except as the Authorization header of /v1 calls. */
export function SignIn() {
  return (
    <section id="sign-in" class="card signin" aria-labelledby="sign-in-title">
      <h2 id="sign-in-title">Sign in</h2>
      <p class="muted">
        Paste your reviewer key. It is kept for this browser tab only and forgotten when you sign out.
      </p>
      <form id="sign-in-form" autocomplete="off">
        <div class="field">
          <label for="key">Reviewer key</label>
          <input id="key" name="key" type="password" autocomplete="off" required spellcheck={false} />
        </div>
        <div id="sign-in-error" class="alert error" role="alert" hidden />
        <button type="submit" class="primary">
          Sign in
        </button>
      </form>
    </section>
  );
}
