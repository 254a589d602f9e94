export { headlessSamlLogin } from './saml-login'
export type { HeadlessSamlLoginInput } from './saml-login'
export { readForms } from './html-forms'
export type { HtmlForm, HtmlInput } from './html-forms'
