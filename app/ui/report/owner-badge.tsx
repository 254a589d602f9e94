import { ownerLabel, type Owner, type Severity } from '@/lib/findings'

export function OwnerBadge({ owner, vendorName }: { owner: Owner; vendorName?: string | undefined }) {
  return <span className={`badge badge-owner badge-owner-${owner}`}>Fix in: {ownerLabel(owner, vendorName)}</span>
}

const SEVERITY_LABEL: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Info' }

export function SeverityBadge({ severity }: { severity: Severity }) {
  return <span className={`badge badge-severity badge-${severity}`}>{SEVERITY_LABEL[severity]}</span>
}
