import type { Report, TimelineStep } from '../findings/report'
import type { Finding } from '../findings/types'
import { step } from './timeline'

const MARK = { error: '✖', warning: '▲', info: 'ℹ' } as const

/** A timeline step per finding and per skipped check: the "each check" part of a run's flow view. */
export function checkStepsFor(findings: readonly Finding[], skipped: Report['skipped'], since: number, passed: string): TimelineStep[] {
  const steps = findings.map((f) => step('check', `${MARK[f.severity]} ${f.code}: ${f.title}`, { data: { code: f.code, owner: f.owner, severity: f.severity } }))
  for (const s of skipped ?? []) steps.push(step('check', `skipped ${s.check}: ${s.reason}`))
  if (findings.every((f) => f.severity === 'info')) steps.push(step('check', `✔ ${passed}`, { since }))
  return steps
}
