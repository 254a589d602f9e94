/** @type {import('next').NextConfig} */
const nextConfig = {
  // Separate build dirs let several e2e runs coexist (NEXT_DIST_DIR=.next-e2e ...).
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // A self-contained server bundle for containers (<distDir>/standalone), when asked for at build time:
  // `SSO_PREFLIGHT_STANDALONE=1 next build`. Off by default because `next start` (npm start, the newcomer's path)
  // warns that it "does not work" with standalone output; scripts/serve-team.mjs serves either kind of build.
  ...(process.env.SSO_PREFLIGHT_STANDALONE === '1' ? { output: 'standalone' } : {}),
  // XML / crypto / database libraries run as plain Node modules; bundling them breaks them (see shared/STACK.md).
  serverExternalPackages: [
    'samlify',
    'xml-crypto',
    '@xmldom/xmldom',
    '@electric-sql/pglite',
    'pg',
    'oidc-provider',
    '@node-saml/node-saml',
  ],
  poweredByHeader: false,
  reactStrictMode: true,
  typescript: { ignoreBuildErrors: false },
  experimental: {
    // The /check form posts documents of up to 5 MB each (a response plus the IdP metadata); the default is 1 MB.
    // Equal to BODY_LIMITS.serverAction (app/_server/body-limits.ts; a test holds them together).
    serverActions: { bodySizeLimit: '16mb' },
    // The proxy (proxy.ts) buffers request bodies up to this size and silently cuts the rest. Above every route's
    // cap, so a cut body is still over its cap and refused with 413, never parsed half.
    proxyClientMaxBodySize: '44mb',
  },
}
export default nextConfig
