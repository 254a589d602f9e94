import type { Command } from '../command'
import { metadataCommand } from './metadata'
import { oidcCommand } from './oidc'
import { responseCommand } from './response'
import { explainCommand } from './explain'
import { harCommand } from './har'
import { tokenCommand } from './token'
import { loginCommand } from './login'
import { watchCommand } from './watch'
import { mockIdpCommand } from './mock-idp'

/** Every command, in the order `--help` lists them. Add a command: one import, one entry. */
export const COMMANDS: readonly Command[] = [
  metadataCommand,
  oidcCommand,
  responseCommand,
  tokenCommand,
  explainCommand,
  harCommand,
  loginCommand,
  watchCommand,
  mockIdpCommand,
]
