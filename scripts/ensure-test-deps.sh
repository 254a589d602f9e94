#!/usr/bin/env bash
# `npm test` needs Debian packages: chromium (Playwright drives it; no tool downloads its own browser), xmlsec1
# (the reference XML-DSig implementation, our second opinion on signatures), and SimpleSAMLphp with PHP's CLI and
# DOM extension (a real SAML IdP we did not write, for the interop test). Installs them when missing and running
# as root; otherwise says how (the interop test then skips, naming what is missing).
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || [ -n "${PLAYWRIGHT_CHROMIUM_PATH:-}" ] || missing+=(chromium)
command -v xmlsec1 >/dev/null 2>&1 || missing+=(xmlsec1)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
[ -e /usr/share/simplesamlphp/www/saml2/idp/SSOService.php ] || missing+=(simplesamlphp)
command -v php >/dev/null 2>&1 || missing+=(php-cli)
php -r 'exit(extension_loaded("dom")?0:1);' >/dev/null 2>&1 || missing+=(php-xml)
((${#missing[@]} == 0)) && exit 0
if [ "$(id -u)" = 0 ]; then
  echo "Installing Debian packages for the tests: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "npm test needs: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
