// Next.js calls register() once when a server starts, before it handles requests (node_modules/next/dist/docs/
// 01-app/03-api-reference/03-file-conventions/instrumentation.md). A data directory others may write to is refused
// here, so the app does not start on it; getStore() refuses it too, for anything that opens the store another way.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') await (await import('./instrumentation-node')).registerNode()
}
