import type { Locator, Page } from '@playwright/test'

/** The connections pages, by role and label only. */
export class ConnectionsPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto('/connections')
  }

  /** Fills "New connection" for SAML from a metadata file and the vendor's two SP values (each with its own ID), then saves. */
  async createSaml(o: {
    name: string
    metadataFile?: string
    metadataUrl?: string
    spEntityId: string
    acsUrl: string
  }) {
    const form = this.page.getByRole('form', { name: 'New connection' })
    await form.getByLabel('Protocol').selectOption('saml')
    await form.getByLabel('Name (optional)').fill(o.name)
    if (o.metadataFile) await form.getByLabel('Metadata file').setInputFiles(o.metadataFile)
    if (o.metadataUrl) await form.getByLabel('Metadata URL').fill(o.metadataUrl)
    await form.getByLabel('SP entity ID (Identifier)').fill(o.spEntityId)
    await form.getByLabel('ACS URL (Reply URL)').fill(o.acsUrl)
    await form.getByRole('button', { name: 'Save and check' }).click()
  }

  setupValue(label: string): Locator {
    return this.page.getByRole('listitem', { name: label })
  }

  /** Just the value of a setup entry (its <code>), without the label and the hint. */
  setupValueText(label: string): Locator {
    return this.setupValue(label).locator('code')
  }

  goNoGo(): Locator {
    return this.page.getByRole('region', { name: /^(GO: test users|NO-GO: do not turn SSO on|Not enough data)/ })
  }

  /** The test matrix: one row per distinct test user. */
  matrix(): Locator {
    return this.page.getByRole('region', { name: 'Test matrix' })
  }

  /** Delete connection asks first (issue 9): the first button asks, "Yes, delete connection" deletes. */
  async delete() {
    await this.page.getByRole('button', { name: 'Delete connection' }).click()
    await this.page.getByRole('button', { name: 'Yes, delete connection' }).click()
  }
}
