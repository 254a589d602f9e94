import { OWNER_LABEL, type Owner, type Severity } from '@/lib/findings'

export function OwnerBadge({ owner }: { owner: Owner }) {
  return <span className={`badge badge-owner badge-owner-${owner}`}>Fix in: {OWNER_LABEL[owner]}</span>
}

const SEVERITY_LABEL: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Info' }

export function SeverityBadge({ severity }: { severity: Severity }) {
  return <span className={`badge badge-severity badge-${severity}`}>{SEVERITY_LABEL[severity]}</span>
}
