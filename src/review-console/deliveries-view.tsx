/** Webhook posts that failed every try (dead letters), with a retry button each; filled by client/deliveries.js. */
export function DeliveriesView() {
  return (
    <section id="view-deliveries" aria-labelledby="deliveries-title" hidden>
      <div class="view-head">
        <h2 id="deliveries-title" tabindex={-1}>
          Deliveries that failed
        </h2>
        <button type="button" id="deliveries-refresh">
          Refresh
        </button>
      </div>
      <div id="deliveries-error" class="alert error" role="alert" hidden />
      <p id="deliveries-empty" class="muted" hidden>
        No dead letters: every webhook post was delivered or is still being tried.
      </p>
      <table id="deliveries-table">
        <caption class="muted">Newest first. Send again once the receiver is fixed.</caption>
        <thead>
          <tr>
            <th scope="col">Programme</th>
            <th scope="col">Message</th>
            <th scope="col">Tries</th>
            <th scope="col">Last answer</th>
            <th scope="col">Given up</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody id="deliveries-body" />
      </table>
    </section>
  );
}
