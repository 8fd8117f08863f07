/**
 * A programme's insights for strategists (GET /v1/programs/{p}/insights): what went out and what
 * followed, each option's chance of the target behaviour, the best action now; filled by client/insights.js.
 */
export function InsightsView() {
  return (
    <section id="view-insights" aria-labelledby="insights-title" hidden>
      <div class="view-head">
        <h2 id="insights-title" tabindex={-1}>
          Programme insights
        </h2>
      </div>
      <form id="insights-form" class="row">
        <div class="field">
          <label for="insights-program">Programme</label>
          {/* Filled from GET /v1/programs once the view opens. */}
          <select id="insights-program" name="program" />
        </div>
        <div class="field">
          <button type="submit" class="primary">
            Show
          </button>
        </div>
      </form>
      <div id="insights-error" class="alert error" role="alert" hidden />
      <div id="insights-body" aria-live="polite" />
    </section>
  );
}
