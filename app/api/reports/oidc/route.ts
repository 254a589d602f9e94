import { handleReportRequest } from '../handle-report-request'

/** POST /api/reports/oidc → the oidc-discovery Report as JSON (`?format=md` for Markdown); 400 with zod issues for bad input. */
export async function POST(request: Request): Promise<Response> {
  return handleReportRequest(request, 'oidc-discovery')
}
