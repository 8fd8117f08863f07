import { CASE_KINDS, CASE_STATUSES } from '../domain/safety.js';

/**
 * Safety cases for pharmacovigilance officers (the `safety` role): adverse events, product complaints and
 * medical-information requests, each with its dueBy and an overdue flag; filled by client/cases.js.
 */
export function SafetyCasesView() {
  return (
    <section id="view-cases" aria-labelledby="cases-title" hidden>
      <div class="view-head">
        <h2 id="cases-title" tabindex={-1}>
          Safety cases
        </h2>
        <button type="button" id="cases-refresh">
          Refresh
        </button>
      </div>
      <div class="field">
        <label for="cases-status">Case state</label>
        <select id="cases-status" name="status">
          <option value="">any status</option>
          {CASE_STATUSES.map((s) => (
            <option value={s}>{s}</option>
          ))}
        </select>
        <label for="cases-kind">Case kind</label>
        <select id="cases-kind" name="kind">
          <option value="">any kind</option>
          {CASE_KINDS.map((k) => (
            <option value={k}>{k.replace('_', ' ')}</option>
          ))}
        </select>
      </div>
      <div id="cases-error" class="alert error" role="alert" hidden />
      <p id="cases-empty" class="muted" hidden>
        No safety case matches.
      </p>
      <table id="cases-table">
        <caption class="muted">Newest first. Overdue cases are past their due time and not yet reported.</caption>
        <thead>
          <tr>
            <th scope="col">Kind</th>
            <th scope="col">Status</th>
            <th scope="col">Product</th>
            <th scope="col">Detected</th>
            <th scope="col">Due by</th>
            <th scope="col">Overdue</th>
            <th scope="col">Case</th>
          </tr>
        </thead>
        <tbody id="cases-body" />
      </table>
      <section id="case-detail" class="card" aria-labelledby="case-title" hidden>
        <h3 id="case-title" tabindex={-1}>
          Case
        </h3>
        <dl id="case-facts" />
        <h4>What the subject wrote (direct identifiers redacted)</h4>
        <blockquote id="case-narrative" />
        <h4>History</h4>
        <ol id="case-history" />
        <div class="field">
          <label for="case-note">Note</label>
          <input id="case-note" name="note" type="text" autocomplete="off" />
          <label for="case-reference">Report reference</label>
          <input id="case-reference" name="reference" type="text" autocomplete="off" />
        </div>
        <div id="case-actions" class="actions">
          <button type="button" data-action="acknowledge">
            Acknowledge
          </button>
          <button type="button" data-action="report">
            Mark reported
          </button>
          <button type="button" data-action="close">
            Close
          </button>
        </div>
        <div id="case-error" class="alert error" role="alert" hidden />
      </section>
    </section>
  );
}
