import { z } from 'zod'
import { DEFAULT_PROFILE_ID, SIGN_IN_GUIDES } from '../profiles/index'
import { OwnerSchema } from '../findings/types'

// The "I cannot sign in" guide follows the vendor's own triage table and backup-code tutorial word for word. Those
// words are the vendor's, so they live as data beside its profile (lib/profiles/*-sign-in-guide.json), not here.

const RowIdSchema = z.enum(['forgot-password', 'email-otp', 'authenticator', 'loops', 'company-sso'])

const TutorialSchema = z.object({
  title: z.string(),
  /** When the tutorial applies, in the seed's words. */
  intro: z.string(),
  steps: z.array(z.string()).min(1),
  closing: z.string().optional(),
})

const RowSchema = z.object({
  id: RowIdSchema,
  issue: z.string(),
  chooseThisIf: z.array(z.string()),
  fastestNextStep: z.array(z.string()).min(1),
  /** The seed's "(Suggested next step: …)": shown as a suggestion after the steps, not as an equal step. */
  suggestedNextStep: z.string().optional(),
  important: z.string(),
  /** Who owns the resolution, in the seed's words. */
  owner: z.string(),
  /** The finding owner this row maps to first. */
  ownerKind: OwnerSchema,
  relatedArticles: z.array(z.string()),
  /** A tutorial that answers this row too (by key of `tutorials`). */
  more: z.string().optional(),
  /** True for company SSO: the validator's checks can help. */
  sso: z.boolean(),
  handoff: z.array(z.object({ href: z.enum(['/triage', '/check']), label: z.string() })),
})

const QuestionSchema = z.object({
  id: z.string(),
  question: z.string(),
  answers: z.array(
    z.object({
      label: z.string(),
      next: z.union([z.object({ question: z.string() }), z.object({ row: RowIdSchema })]),
    }),
  ),
})

const GuideSchema = z
  .object({
    title: z.string(),
    source: z.string(),
    tutorials: z.record(z.string(), TutorialSchema),
    rows: z.array(RowSchema),
    questions: z.array(QuestionSchema),
  })
  .superRefine((g, ctx) => {
    for (const r of g.rows)
      if (r.more && !g.tutorials[r.more])
        ctx.addIssue({ code: 'custom', path: ['rows', r.id, 'more'], message: `no tutorial ${r.more}` })
  })

const guide = GuideSchema.parse(SIGN_IN_GUIDES[DEFAULT_PROFILE_ID])

export type GuideTutorial = z.infer<typeof TutorialSchema>
/** A row of the seed's "I cannot sign in" triage table, with where SSO Preflight can take over. */
export type GuideRow = Readonly<Omit<z.infer<typeof RowSchema>, 'more'> & { more?: GuideTutorial }>
export type GuideRowId = GuideRow['id']
/** The questions that lead to a row: data, so the page is a walk through this table. */
export type GuideQuestion = Readonly<z.infer<typeof QuestionSchema>>

export const GUIDE_TITLE: string = guide.title
export const GUIDE_ROWS: readonly GuideRow[] = guide.rows.map(({ more, ...r }) => {
  const tutorial = more ? guide.tutorials[more] : undefined
  return tutorial ? { ...r, more: tutorial } : r
})
export const GUIDE_QUESTIONS: readonly GuideQuestion[] = guide.questions

export function guideRow(id: string): GuideRow | undefined {
  return GUIDE_ROWS.find((r) => r.id === id)
}

export function guideQuestion(id: string): GuideQuestion | undefined {
  return GUIDE_QUESTIONS.find((q) => q.id === id)
}
