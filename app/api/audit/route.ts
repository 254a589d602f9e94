import { jsonErrors } from '@/app/connections/_server/http'
import { auditPage } from '@/app/_server/audit-api'
import { principalFor } from '@/app/_server/team-access'
import { getStore } from '@/lib/store'

/** GET /api/audit?limit=100&before=<entry id>&format=json → the workspace's audit entries, newest first, paged. */
export async function GET(request: Request): Promise<Response> {
  return jsonErrors(async () => auditPage(await principalFor(request), request.url, await getStore()))
}
