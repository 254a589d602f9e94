import { handleReportRequest } from '../handle-report-request'

/** POST /api/reports/metadata → the saml-metadata Report as JSON (`?format=md` for Markdown); 400 with zod issues for bad input. */
export async function POST(request: Request): Promise<Response> {
  return handleReportRequest(request, 'saml-metadata')
}
