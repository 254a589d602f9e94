#!/usr/bin/env bash
# A CI job in one script: start `sso-preflight mock-idp`, run a SAML and an OIDC test login for a passing and a failing
# scenario, check the mock's metadata, and leave JUnit reports in $REPORTS (default reports/). Called by the GitHub
# Actions and GitLab CI examples beside it. SSO_PREFLIGHT defaults to the repository's built bin.
set -euo pipefail
SSO_PREFLIGHT=${SSO_PREFLIGHT:-"node dist/cli.mjs"}
REPORTS=${REPORTS:-reports}
mkdir -p "$REPORTS"
export SSO_PREFLIGHT_ALLOW_LOOPBACK=1 # the mock listens on 127.0.0.1

$SSO_PREFLIGHT mock-idp --port 0 > "$REPORTS/mock-idp.json" 2> "$REPORTS/mock-idp.log" &
MOCK_PID=$!
trap 'kill $MOCK_PID 2>/dev/null || true' EXIT
for _ in $(seq 100); do [ -s "$REPORTS/mock-idp.json" ] && break; sleep 0.1; done
field() { node -e 'process.stdout.write(String(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))[process.argv[2]]))' "$REPORTS/mock-idp.json" "$1"; }
METADATA=$(field samlMetadataUrl); ISSUER=$(field oidcIssuer)
CLIENT_ID=$(field oidcClientId); export SSO_PREFLIGHT_CLIENT_SECRET=$(field oidcClientSecret)
SAML=(--idp-metadata "$METADATA" --sp-entity-id https://sp.example.com/saml --acs-url https://sp.example.com/saml/acs --profile generic)
OIDC=(--issuer "$ISSUER" --client-id "$CLIENT_ID" --redirect-uri https://sp.example.com/oidc/callback)
export SSO_PREFLIGHT_USERNAME=ok@demo.test

# Expect exit 0 for the passing scenario and exit 1 (an error finding) for the failing one; 2 or anything else fails the job.
expect_exit() { local want=$1; shift; set +e; "$@"; local got=$?; set -e; [ "$got" = "$want" ] || { echo "expected exit $want, got $got: $*" >&2; exit 1; }; }
expect_exit 0 $SSO_PREFLIGHT login "${SAML[@]}" --format junit > "$REPORTS/saml-ok.xml"
expect_exit 1 $SSO_PREFLIGHT login "${SAML[@]}" --scenario wrong-audience --format junit > "$REPORTS/saml-wrong-audience.xml"
expect_exit 0 $SSO_PREFLIGHT login "${OIDC[@]}" --format junit > "$REPORTS/oidc-ok.xml"
expect_exit 1 $SSO_PREFLIGHT login "${OIDC[@]}" --scenario wrong-aud --format junit > "$REPORTS/oidc-wrong-aud.xml"
# The generic mock publishes an expired leftover certificate on purpose: its metadata check is a no-go (exit 1).
expect_exit 1 $SSO_PREFLIGHT metadata "$METADATA" --format junit > "$REPORTS/metadata.xml"
echo "all SSO checks behaved as expected; JUnit reports in $REPORTS/"
