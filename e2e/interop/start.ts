import { INTEROP_SP_ENTITY_ID, INTEROP_USERS, simpleSamlPhpMissing, startSimpleSamlPhp } from './simplesamlphp'

/*
 * Starts the interop IdP by hand, to try the app's test login against SimpleSAMLphp:
 *   npx tsx e2e/interop/start.ts [ACS URL, default http://localhost:3000/saml/acs]
 * Paste the printed metadata URL's XML into a connection (profile autodesk, SP entity ID as printed). Ctrl-C stops it.
 */
const acsUrl = process.argv[2] ?? 'http://localhost:3000/saml/acs'
const missing = simpleSamlPhpMissing()
if (missing) {
  console.error(`Cannot start SimpleSAMLphp: ${missing}`)
  process.exit(1)
}
const idp = await startSimpleSamlPhp({ acsUrl })
console.log(`SimpleSAMLphp IdP on ${idp.origin}`)
console.log(`  metadata:     ${idp.metadataUrl}`)
console.log(`  SP entity ID: ${INTEROP_SP_ENTITY_ID}`)
console.log(`  ACS:          ${acsUrl}`)
for (const [label, u] of Object.entries(INTEROP_USERS)) console.log(`  user ${u.username} / ${u.password}  (${label})`)
const stop = () => void idp.stop().then(() => process.exit(0))
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
