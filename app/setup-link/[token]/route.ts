import { rateLimit } from '@/app/_server/rate-limit'
import { originOf } from '@/app/connections/_server/http'
import { linkRefusedPage, redeemSetupLink } from '@/app/_server/setup-link-redeem'
import { getStore } from '@/lib/store'

export const dynamic = 'force-dynamic'

/** GET /setup-link/:token → 303 to the connection's setup page with the setup-link cookie, or 410 "ask for a new link". */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  const limited = await rateLimit(request, 'setup-link')
  if (limited) return limited
  const { token } = await params
  try {
    return await redeemSetupLink(token, originOf(request.url), await getStore())
  } catch (err) {
    console.error(`[setup-link] ERR_UNEXPECTED: ${err instanceof Error ? err.name : typeof err}`)
    const page = linkRefusedPage()
    return new Response(await page.text(), { status: 503, headers: page.headers })
  }
}
