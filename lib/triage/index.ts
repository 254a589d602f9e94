export { explain, exactMatches, extractErrorFacts, searchKnowledge } from './explain/index'
export type { ErrorFacts, ExplainOptions, KnowledgeCode, Match } from './explain/index'
export { maskEmails, maskPersonal, redacted } from './mask'
