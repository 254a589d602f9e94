'use server'
import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import { CheckRequestSchema, MAX_INPUT_BYTES, type CheckKind } from './check-request'
import type { CheckFormState, FormField, FormValues, InputSource } from './form-state'
import { tooLargeMessage } from './paste-size'
import { runCheck } from './run-check'
import { maskReport } from '@/lib/store/mask'
import { readableSamlMessage } from '@/lib'
import { requireAccess } from '@/app/_server/access'

const KINDS = ['saml-metadata', 'oidc-discovery', 'saml-response'] as const
const SOURCES = ['file', 'paste', 'url'] as const

/** Which form field group a zod path of the request body belongs to. */
const PATH_TO_FIELD: Record<string, FormField> = {
  xml: 'input',
  discovery: 'input',
  response: 'input',
  url: 'input',
  idpMetadata: 'idpInput',
  idpMetadataUrl: 'idpInput',
  jwks: 'jwks',
}

type Fields = Partial<Record<FormField, string[]>>

/** Server action behind /check: FormData → request body → runCheck; returns state, never throws for bad input. */
export async function runCheckAction(_prev: CheckFormState, form: FormData): Promise<CheckFormState> {
  await requireAccess('check.run')
  const values = readValues(form)
  const submission = randomUUID()
  const fileErrors: Fields = {}
  const body: Record<string, unknown> = {
    kind: values.kind,
    profile: values.profile,
    now: values.now,
    ...(values.kind === 'saml-metadata'
      ? { spEntityId: values.spEntityId, acsUrl: values.acsUrl, signOnUrl: values.signOnUrl, idp: values.idp }
      : {}),
    ...(values.kind === 'oidc-discovery'
      ? { expectedIssuer: values.expectedIssuer, clientId: values.clientId, redirectUri: values.redirectUri }
      : {}),
    ...(values.kind === 'saml-response'
      ? { spEntityId: values.spEntityId, acsUrl: values.acsUrl, requestId: values.requestId }
      : {}),
  }
  const main = await readInput(form, values.source, { file: 'file', text: 'text', url: 'url' })
  if ('error' in main) fileErrors.input = [main.error]
  const mainKey = { 'saml-metadata': 'xml', 'oidc-discovery': 'discovery', 'saml-response': 'response' }[values.kind]
  if ('text' in main && main.text !== undefined) body[mainKey] = main.text
  if ('url' in main && main.url !== undefined) body.url = main.url

  if (values.kind === 'oidc-discovery') {
    const jwksFile = form.get('jwksFile')
    const jwksSource: InputSource = jwksFile instanceof File && jwksFile.size > 0 ? 'file' : 'paste'
    const jwks = await readInput(form, jwksSource, { file: 'jwksFile', text: 'jwksText', url: '' })
    if ('error' in jwks) fileErrors.jwks = [jwks.error]
    else if (jwks.text !== undefined) body.jwks = jwks.text
  }
  if (values.kind === 'saml-response') {
    const idp = await readInput(form, values.idpSource, { file: 'idpFile', text: 'idpText', url: 'idpUrl' })
    if ('error' in idp) fileErrors.idpInput = [idp.error]
    if ('text' in idp && idp.text !== undefined) body.idpMetadata = idp.text
    if ('url' in idp && idp.url !== undefined) body.idpMetadataUrl = idp.url
  }

  const parsed = CheckRequestSchema.safeParse(body)
  if (!parsed.success || Object.keys(fileErrors).length) {
    const fieldErrors: Fields = { ...(parsed.success ? {} : toFieldErrors(parsed.error)), ...fileErrors }
    return { status: 'invalid', submission, message: 'Please correct the highlighted fields.', fieldErrors, values }
  }
  const outcome = await runCheck(parsed.data, {
    source: values.source === 'paste' ? 'pasted text' : values.source === 'file' ? 'uploaded file' : 'upload',
    readable: true,
  })
  // Shown unmasked to whoever ran the check; what leaves the page as a file is masked like what is stored.
  if (outcome.ok) {
    return {
      status: 'done',
      submission,
      report: outcome.report,
      exportReport: maskReport(outcome.report),
      values,
      ...(outcome.readable ? { responsePretty: outcome.readable } : {}),
    }
  }
  if (outcome.reason === 'invalid-profile')
    return {
      status: 'invalid',
      submission,
      message: outcome.message,
      fieldErrors: { profile: [outcome.message] },
      values,
    }
  return { status: 'failed', submission, message: outcome.message, values }
}

function str(form: FormData, name: string): string | undefined {
  const v = form.get(name)
  return typeof v === 'string' && v.trim() !== '' ? v : undefined
}

function pick<T extends string>(v: string | undefined, allowed: readonly T[], fallback: T): T {
  return allowed.includes(v as T) ? (v as T) : fallback
}

function readValues(form: FormData): FormValues {
  const kind: CheckKind = pick(str(form, 'kind'), KINDS, 'saml-metadata')
  const v: FormValues = {
    kind,
    source: pick<InputSource>(str(form, 'source'), SOURCES, 'file'),
    idpSource: pick<InputSource>(str(form, 'idpSource'), SOURCES, 'file'),
  }
  for (const k of [
    'text',
    'url',
    'jwksText',
    'idpText',
    'idpUrl',
    'profile',
    'spEntityId',
    'acsUrl',
    'signOnUrl',
    'expectedIssuer',
    'clientId',
    'redirectUri',
    'requestId',
    'now',
    'idp',
  ] as const) {
    const s = str(form, k)
    // Huge pastes are not echoed back: the error message says what to do instead.
    if (s !== undefined && s.length <= MAX_INPUT_BYTES) v[k] = s
  }
  return v
}

type ReadResult = { text?: string; url?: string } | { error: string }

/** One document from the chosen source; a chosen file counts even when empty (that is a finding, not a form error). */
async function readInput(
  form: FormData,
  source: InputSource,
  names: { file: string; text: string; url: string },
): Promise<ReadResult> {
  if (source === 'url') return { url: str(form, names.url) }
  if (source === 'paste') {
    const t = str(form, names.text)
    if (t !== undefined && t.length > MAX_INPUT_BYTES) return { error: tooLargeMessage(t.length) }
    return { text: t }
  }
  const f = form.get(names.file)
  if (!(f instanceof File) || isNoFile(f)) return {}
  if (f.size > MAX_INPUT_BYTES) return { error: tooLargeMessage(f.size, f.name) }
  return { text: await f.text() }
}

/** An empty file input still posts a part; Next.js decodes it as an empty File named "undefined" (or "" / "blob"). */
function isNoFile(f: File): boolean {
  return f.size === 0 && (f.name === '' || f.name === 'undefined' || f.name === 'blob')
}

function toFieldErrors(err: z.ZodError): Fields {
  const out: Fields = {}
  for (const issue of err.issues) {
    const key = String(issue.path[0] ?? 'kind')
    const field: FormField = PATH_TO_FIELD[key] ?? (key as FormField)
    ;(out[field] ??= []).push(issue.message)
  }
  return out
}
