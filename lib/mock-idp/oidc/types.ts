import type { IncomingMessage, ServerResponse } from 'node:http'

/**
 * The slice of oidc-provider 9 the mock uses. The package ships no type declarations and @types/oidc-provider is
 * not a dependency, so the mock types what it touches here instead of declaring the module for the whole tree.
 */
export interface OidcInteractionDetails {
  readonly uid: string
  readonly params: Record<string, unknown>
  readonly prompt: { readonly name: string }
}

export interface OidcGrant {
  addOIDCScope(scope: string): void
  save(): Promise<string>
}

export interface OidcKoaContext {
  readonly path: string
  status: number
  body: unknown
  type: string
  readonly oidc: {
    readonly session?: { readonly accountId?: string }
    readonly client?: { readonly clientId: string }
    readonly provider: { Grant: new (o: { clientId: string; accountId: string }) => OidcGrant }
  }
}

export interface OidcProvider {
  /** Koa's app.proxy: trust X-Forwarded-* (set behind `--issuer-url`). */
  proxy: boolean
  readonly Client: { prototype: { redirectUriAllowed(uri: string): boolean } }
  callback(): (req: IncomingMessage, res: ServerResponse) => void
  use(middleware: (ctx: OidcKoaContext, next: () => Promise<void>) => Promise<void>): void
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<OidcInteractionDetails>
  interactionFinished(
    req: IncomingMessage,
    res: ServerResponse,
    result: Record<string, unknown>,
    o?: { mergeWithLastSubmission?: boolean },
  ): Promise<void>
}

export type OidcProviderConstructor = new (issuer: string, configuration: Record<string, unknown>) => OidcProvider
