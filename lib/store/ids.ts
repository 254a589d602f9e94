import { createHmac, randomBytes } from 'node:crypto'

/** 128 random bits, base64url (22 characters): unguessable, so holding the link is the access. */
export function newId(): string {
  return randomBytes(16).toString('base64url')
}

/** A keyed hash of a test user, so distinct users can be counted without storing who they are. */
export function userKey(secret: string, user: string): string {
  return createHmac('sha256', secret).update(user.trim().toLowerCase()).digest('base64url').slice(0, 22)
}
