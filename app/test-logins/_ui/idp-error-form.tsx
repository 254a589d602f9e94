/** For a run that never came back: the admin pastes the IdP's error page text (AADSTS code, Okta message). */
export function IdpErrorForm({ runId }: { runId: string }) {
  return (
    <section className="report-section" aria-labelledby="idp-error-title">
      <h2 id="idp-error-title">Did the IdP show an error page?</h2>
      <form method="post" action={`/test-logins/${runId}/idp-error`} className="check-form">
        <label className="field-label" htmlFor="idp-error-message">
          Error text shown by the IdP
        </label>
        <textarea
          id="idp-error-message"
          name="message"
          rows={4}
          className="input"
          placeholder="AADSTS50011: The redirect URI ... / Sorry, you can't access ... because you are not assigned this app in Okta."
        />
        <p className="hint hint-after">
          Include the error code, the correlation ID and the timestamp if the page shows them.
        </p>
        <button type="submit" className="button">
          Record the error
        </button>
      </form>
    </section>
  )
}
