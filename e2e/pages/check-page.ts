import { expect, type Download, type Locator, type Page } from '@playwright/test'

export type CheckKindLabel = 'SAML metadata' | 'OIDC discovery' | 'SAML response'
export type DocumentSource = { file: string } | { text: string } | { url: string }

/** Labels of each document's controls on /check, keyed by the group (fieldset legend) that holds them. */
const DOCUMENTS = {
  'IdP metadata': { file: 'Metadata file', text: 'Metadata XML', url: 'Metadata URL' },
  'OpenID configuration': { file: 'Discovery document', text: 'Discovery JSON', url: 'Issuer or discovery URL' },
  'SAML response': { file: 'SAML response file', text: 'SAMLResponse', url: '' },
  'IdP metadata (its certificates verify the signature)': {
    file: 'IdP metadata file',
    text: 'IdP metadata XML',
    url: 'IdP metadata URL',
  },
} as const
export type DocumentGroup = keyof typeof DOCUMENTS

/** /check, driven by roles and labels only. */
export class CheckPage {
  readonly runButton: Locator
  readonly status: Locator
  readonly report: Locator

  constructor(readonly page: Page) {
    this.runButton = page.getByRole('button', { name: 'Run check' })
    this.status = page.getByRole('status')
    this.report = page.getByRole('region', { name: 'Report' })
  }

  async goto() {
    await this.page.goto('/check')
    await expect(this.page.getByRole('heading', { name: 'Check IdP configuration', level: 1 })).toBeVisible()
  }

  async chooseKind(kind: CheckKindLabel) {
    await this.page
      .getByRole('group', { name: 'What are you checking?' })
      .getByRole('radio', { name: kind, exact: true })
      .check()
  }

  /** Gives one document from a file, a paste or a URL. */
  async provide(group: DocumentGroup, source: DocumentSource) {
    const g = this.page.getByRole('group', { name: group, exact: true })
    const labels = DOCUMENTS[group]
    if ('file' in source) {
      await g.getByRole('radio', { name: 'Upload a file' }).check()
      await g.getByLabel(labels.file, { exact: true }).setInputFiles(source.file)
    } else if ('text' in source) {
      await g.getByRole('radio', { name: 'Paste' }).check()
      await g.getByLabel(labels.text, { exact: true }).fill(source.text)
    } else {
      await g.getByRole('radio', { name: 'From a URL' }).check()
      await g.getByLabel(labels.url, { exact: true }).fill(source.url)
    }
  }

  /** Drops a file on a document's drop zone, as a user dragging it from the desktop would. */
  async dropFile(group: DocumentGroup, name: string, content: string) {
    const g = this.page.getByRole('group', { name: group, exact: true })
    await g.getByRole('radio', { name: 'Upload a file' }).check()
    const dataTransfer = await this.page.evaluateHandle(
      ([n, c]) => {
        const dt = new DataTransfer()
        dt.items.add(new File([c], n, { type: 'application/xml' }))
        return dt
      },
      [name, content] as const,
    )
    await g.getByLabel(DOCUMENTS[group].file, { exact: true }).dispatchEvent('drop', { dataTransfer })
  }

  async fill(label: string, value: string) {
    await this.page.getByLabel(label, { exact: true }).fill(value)
  }

  async selectProfile(profile: 'autodesk' | 'generic') {
    await this.page.getByLabel('Vendor profile').selectOption(profile)
  }

  /** Pins the clock of time checks (Advanced › Check as of). */
  async setNow(iso: string) {
    const advanced = this.page.getByText('Advanced', { exact: true })
    const field = this.page.getByLabel('Check as of (UTC)')
    if (!(await field.isVisible())) await advanced.click()
    await field.fill(iso)
  }

  async run() {
    await this.runButton.click()
    await expect(this.runButton).toBeEnabled()
  }

  /** Runs the check and waits for the report. */
  async runToReport() {
    await this.run()
    await expect(this.status).toContainText('Report ready')
    await expect(this.report).toBeVisible()
  }

  verdict(): Locator {
    return this.report.getByRole('heading', { level: 2 })
  }

  finding(title: string): Locator {
    return this.report.getByRole('article', { name: title })
  }

  /** The Expected / Actual cell of a finding. */
  evidence(finding: Locator, row: 'Expected' | 'Actual' | 'Where'): Locator {
    return finding.getByRole('row', { name: new RegExp(`^${row}`) }).getByRole('cell')
  }

  async download(format: 'JSON' | 'Markdown'): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.report.getByRole('button', { name: `Download ${format}` }).click(),
    ])
    return download
  }
}
