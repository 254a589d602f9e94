// `explain <code or text>`: the one catalog searched by code, IdP code or words (lib/triage/explain).
export { explain } from '../triage/explain/index'
