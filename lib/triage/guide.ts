import type { Owner } from '../findings/types'

/** A row of the seed's "I cannot sign in" triage table, with where SSO Preflight can take over. */
export interface GuideRow {
  readonly id: 'forgot-password' | 'email-otp' | 'authenticator' | 'loops' | 'company-sso'
  readonly issue: string
  readonly chooseThisIf: readonly string[]
  readonly fastestNextStep: readonly string[]
  readonly important: string
  /** Who owns the resolution, in the seed's words. */
  readonly owner: string
  /** The finding owner this row maps to first. */
  readonly ownerKind: Owner
  readonly relatedArticles: readonly string[]
  /** Extra help for the row (backup codes for the authenticator row). */
  readonly more?: { readonly title: string; readonly steps: readonly string[] }
  /** True for company SSO: the validator can help; otherwise the guide says the problem is not SSO. */
  readonly sso: boolean
  readonly handoff: readonly { readonly href: '/triage' | '/check'; readonly label: string }[]
}

export const GUIDE_ROWS: readonly GuideRow[] = [
  {
    id: 'forgot-password', sso: false, ownerKind: 'end-user', owner: 'End user',
    issue: 'I forgot my password or cannot reset it',
    chooseThisIf: ['You forgot your password.', 'Password reset does not work.', 'You receive a password error during sign-in.'],
    fastestNextStep: ['Reset your password using the Autodesk password reset workflow.'],
    important: 'If you sign in with Google or another identity provider, reset your password with that provider instead of Autodesk.',
    relatedArticles: [], handoff: [],
  },
  {
    id: 'email-otp', sso: false, ownerKind: 'end-user', owner: 'End user initially. Internal IT team or email administrator if messages are blocked.',
    issue: 'I am not receiving the verification email or one-time passcode (OTP)',
    chooseThisIf: ['Verification emails do not arrive.', 'OTP codes do not arrive.', 'Invite emails are missing.', 'Password reset emails are delayed or missing.'],
    fastestNextStep: ['Check spam or junk folders.', 'Confirm that you can access the mailbox.', 'Wait briefly before requesting another code.', 'Add Autodesk email domains to your email allow list.'],
    important: 'If you no longer have access to the email inbox, recover the email account first if possible.',
    relatedArticles: ['Ensuring Email OTP Deliverability: Best Practices for Autodesk Customers'], handoff: [],
  },
  {
    id: 'authenticator', sso: false, ownerKind: 'end-user', owner: 'End user initially. Autodesk Support if recovery options are unavailable.',
    issue: 'My authenticator app or security code is not working',
    chooseThisIf: ['Your confirmation code is rejected.', 'Confirm sign-in prompts fail.', 'Your authenticator app does not match Autodesk sign-in.', 'You changed devices and lost 2-step verification access.'],
    fastestNextStep: ['Get the code by email if it is available.', 'Use your backup code if you received your code by email by default.',
      'Verify that you selected the correct Autodesk multi-factor authentication (MFA) entry in your authenticator app on your mobile device.',
      'Wait for a fresh code before retrying.', 'Update your MFA settings after sign-in succeeds.'],
    important: 'If you lost access to both the authenticator app and the email account, additional account recovery steps or Autodesk Support may be required.',
    relatedArticles: ['How to Enable, Update and Disable 2-Factor Authentication', 'Unable to Sign In to Autodesk Account using Two-Step Verification'],
    more: {
      title: 'Using a backup code',
      steps: [
        'In the Sign in dialog, enter your email and password.',
        'If you cannot access your email or did not receive the code, select "Use a backup code".',
        'Enter the backup code generated for you in a previous sign-in, then select Next.',
        'Backup codes can only be used once: a new backup code is generated each time you use one.',
        'Save the new backup code in a secure place and confirm "I have saved this code for future use" — you will need it next time.',
      ],
    },
    handoff: [],
  },
  {
    id: 'loops', sso: false, ownerKind: 'end-user', owner: 'End user initially. Internal IT or Autodesk Support if the issue persists.',
    issue: 'The sign-in page loops, spins, redirects, or gets stuck',
    chooseThisIf: ['The sign-in page never finishes loading.', 'You repeatedly return to the sign-in screen.', 'The browser spins indefinitely.', 'Redirect loops occur after sign-in.'],
    fastestNextStep: ['Try a private or incognito browser window.', 'Clear browser cache and cookies.', 'Disable browser extensions.', 'Try another web browser or network.'],
    important: 'If the issue affects multiple users or devices, contact your internal IT team or Autodesk Support.',
    relatedArticles: [],
    handoff: [{ href: '/triage', label: 'Still looping? Record a HAR of the sign-in and drop it on the triage page' }],
  },
  {
    id: 'company-sso', sso: true, ownerKind: 'idp', owner: 'Internal IT team or SSO admin. Autodesk Support only for Autodesk-specific errors.',
    issue: 'My company uses single sign-on (SSO)',
    chooseThisIf: ['Your company signs in through Microsoft Entra ID, Okta, or another identity provider.', 'Company credentials fail.', 'SSO redirects fail.', 'Multi-factor authentication (MFA) prompts fail during company sign-in.'],
    fastestNextStep: ['Sign in using your company credentials and approved authentication method.', 'Contact your company SSO admin.'],
    important: 'Most SSO credentials and MFA issues must be resolved by your company\'s IT team or SSO admin before Autodesk Support can help.',
    relatedArticles: [],
    handoff: [
      { href: '/triage', label: 'Paste the error message, AADSTS code, SAMLResponse or HAR on the triage page' },
      { href: '/check', label: 'SSO admins: check the IdP configuration against the vendor\'s requirements' },
    ],
  },
]

export type GuideRowId = GuideRow['id']

/** The questions that lead to a row: data, so the page is a walk through this table. */
export interface GuideQuestion {
  readonly id: string
  readonly question: string
  readonly answers: readonly { readonly label: string; readonly next: { question: string } | { row: GuideRowId } }[]
}

export const GUIDE_QUESTIONS: readonly GuideQuestion[] = [
  {
    id: 'start',
    question: 'When you sign in, are you sent to your company\'s sign-in page (Microsoft Entra ID, Okta, Google Workspace or another identity provider)?',
    answers: [
      { label: 'Yes, my company signs me in (SSO)', next: { row: 'company-sso' } },
      { label: 'No, I sign in with my Autodesk email and password', next: { question: 'symptom' } },
      { label: 'I am not sure', next: { question: 'symptom' } },
    ],
  },
  {
    id: 'symptom',
    question: 'What goes wrong?',
    answers: [
      { label: 'I forgot my password, or my password is rejected, or reset does not work', next: { row: 'forgot-password' } },
      { label: 'A verification email or one-time passcode does not arrive', next: { row: 'email-otp' } },
      { label: 'My authenticator app, security code or backup code does not work', next: { row: 'authenticator' } },
      { label: 'The sign-in page loops, spins or gets stuck', next: { row: 'loops' } },
      { label: 'An error mentions my company, AADSTS, Okta or SAML', next: { row: 'company-sso' } },
    ],
  },
]

export function guideRow(id: string): GuideRow | undefined {
  return GUIDE_ROWS.find((r) => r.id === id)
}

export function guideQuestion(id: string): GuideQuestion | undefined {
  return GUIDE_QUESTIONS.find((q) => q.id === id)
}
