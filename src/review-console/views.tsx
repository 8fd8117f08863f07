import { BARRIERS } from '../domain/block.js';
import { Status } from '../domain/compose.js';

/** Tabs between the views; the client marks the current one with aria-current. */
export function Nav() {
  return (
    <nav class="views" aria-label="Views">
      <a href="#/queue" data-view="queue">
        Review queue
      </a>
      <a href="#/search" data-view="search">
        Trace search
      </a>
      <a href="#/deliveries" data-view="deliveries">
        Deliveries
      </a>
      <a href="#/insights" data-view="insights">
        Insights
      </a>
      <a href="#/cases" data-view="cases">
        Safety cases
      </a>
    </nav>
  );
}

/** Pending runs; rows are filled by the client from GET /v1/reviews?status=pending. */
export function QueueView() {
  return (
    <section id="view-queue" aria-labelledby="queue-title" hidden>
      <div class="view-head">
        <h2 id="queue-title" tabindex={-1}>
          Runs waiting for a decision
        </h2>
        <button type="button" id="queue-refresh">
          Refresh
        </button>
      </div>
      <div class="field">
        <label for="queue-reason">Why held</label>
        <select id="queue-reason" name="reason">
          <option value="">any reason</option>
          {REASON_FILTERS.map(([code, label]) => (
            <option value={code}>{label}</option>
          ))}
        </select>
      </div>
      <div id="queue-error" class="alert error" role="alert" hidden />
      <p id="queue-empty" class="muted" hidden>
        Nothing is waiting for review.
      </p>
      <table id="queue-table">
        <caption class="muted">
          Safety holds first, then newest first. Open a run to see why it was held and decide.
        </caption>
        <thead>
          <tr>
            <th scope="col">Why held</th>
            <th scope="col">Programme</th>
            <th scope="col">Subject</th>
            <th scope="col">Barrier</th>
            <th scope="col">Confidence</th>
            <th scope="col">Channel</th>
            <th scope="col">Locale</th>
            <th scope="col">Created</th>
            <th scope="col">Run</th>
          </tr>
        </thead>
        <tbody id="queue-body" />
      </table>
    </section>
  );
}

/** One run: filled by the client from the trace, its verification and its review. */
export function RunView() {
  return (
    <section id="view-run" aria-labelledby="run-title" hidden>
      <p>
        <a href="#/queue">← Back to the queue</a>
      </p>
      <h2 id="run-title" tabindex={-1}>
        Run
      </h2>
      <div id="run-error" class="alert error" role="alert" hidden />
      <div id="run-body" />
    </section>
  );
}

function Select(props: { name: string; label: string; options: readonly string[] }) {
  return (
    <div class="field">
      <label for={`search-${props.name}`}>{props.label}</label>
      <select id={`search-${props.name}`} name={props.name}>
        <option value="">any</option>
        {props.options.map((o) => (
          <option value={o}>{o}</option>
        ))}
      </select>
    </div>
  );
}

function TextField(props: { name: string; label: string }) {
  return (
    <div class="field">
      <label for={`search-${props.name}`}>{props.label}</label>
      <input id={`search-${props.name}`} name={props.name} type="search" autocomplete="off" spellcheck={false} />
    </div>
  );
}

/** Hold reason codes the queue filters on (safety codes first, as the queue sorts them). */
const REASON_FILTERS = [
  ['crisis', 'Crisis language'],
  ['safety_escalation', 'Crisis language (older runs)'],
  ['safety_engine_error', 'Safety triage failed'],
  ['adverse_event', 'Possible adverse event'],
  ['product_complaint', 'Product complaint'],
  ['medical_information', 'Medical question'],
  ['low_confidence', 'Low confidence'],
  ['content_gap', 'Content gap'],
  ['review', 'Review requested'],
] as const;

/** Search form rendered here so its choices come from the same enums the API validates against. */
export function SearchView() {
  return (
    <section id="view-search" aria-labelledby="search-title" hidden>
      <h2 id="search-title" tabindex={-1}>
        Trace search
      </h2>
      <form id="search-form" class="row">
        <div class="field">
          <label for="search-from">From</label>
          <input id="search-from" name="from" type="datetime-local" />
        </div>
        <div class="field">
          <label for="search-to">To</label>
          <input id="search-to" name="to" type="datetime-local" />
        </div>
        <Select name="status" label="Status" options={Status.options} />
        <Select name="barrier" label="Barrier" options={BARRIERS} />
        {/* Filled from GET /v1/programs once signed in. */}
        <Select name="program" label="Programme" options={[]} />
        <TextField name="subject" label="Subject reference" />
        <TextField name="block" label="Block id" />
        <TextField name="approvalCode" label="Approval code" />
        <div class="field">
          <button type="submit" class="primary">
            Search
          </button>
        </div>
      </form>
      <div id="search-error" class="alert error" role="alert" hidden />
      <p id="search-summary" class="muted" aria-live="polite" />
      <table id="search-table" hidden>
        <thead>
          <tr>
            <th scope="col">Created</th>
            <th scope="col">Status</th>
            <th scope="col">Barrier</th>
            <th scope="col">Programme</th>
            <th scope="col">Subject</th>
            <th scope="col">Channel</th>
            <th scope="col">Duration</th>
            <th scope="col">Run</th>
          </tr>
        </thead>
        <tbody id="search-body" />
      </table>
      <button type="button" id="search-more" hidden>
        Load more
      </button>
    </section>
  );
}
