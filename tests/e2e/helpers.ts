import { expect, type Locator, type Page } from '@playwright/test'

/** A canvas node by its plan id and kind (DESIGN.md: data-entity-id, data-kind). */
export const node = (page: Page, kind: string, id?: string): Locator =>
  page.locator(id ? `[data-kind="${kind}"][data-entity-id="${id}"]` : `[data-kind="${kind}"]`)

export const palette = (page: Page, name: string): Locator =>
  page.getByRole('region', { name: 'Palette' }).getByRole('button', { name, exact: true })

export const pane = (page: Page): Locator => page.locator('.react-flow__pane')
export const inspector = (page: Page): Locator => page.getByRole('region', { name: 'Inspector' })
export const findings = (page: Page): Locator => page.getByRole('region', { name: 'Findings' })
export const findingItems = (page: Page, rule?: string): Locator =>
  findings(page).locator(rule ? `li[data-rule="${rule}"]` : 'li[data-rule]')

/** Drags a palette item with real HTML5 drag-and-drop onto a target (the canvas by default). */
export async function dragFromPalette(page: Page, name: string, target?: Locator, position?: { x: number; y: number }) {
  // On a container, drop on its header: the area that is the container itself, not a child.
  const at = position ?? (target ? { x: 40, y: 18 } : undefined)
  await palette(page, name).dragTo(target ?? pane(page), at ? { targetPosition: at } : undefined)
}

/** A fresh app with no autosave. */
export async function openFresh(page: Page) {
  // A test's page starts blank in a browser context of its own, with nothing stored: one load is
  // enough. A page already used, or a context that holds something, is cleared and loaded again.
  const fresh = page.url() === 'about:blank' && (await page.context().storageState()).origins.length === 0
  await page.goto('/')
  if (!fresh) {
    await page.evaluate(() => { localStorage.clear(); sessionStorage.clear() })
    await page.reload()
  }
  await expect(page.getByRole('region', { name: 'Palette' })).toBeVisible()
  // The app's font (Inter, bundled) swaps in once loaded: tests that measure the page start after it.
  await page.waitForFunction(() => [...document.fonts].some((face) => face.family === 'Inter Variable' && face.status === 'loaded'))
}

export async function openTemplate(page: Page, name: string) {
  await page.getByRole('button', { name: 'Templates' }).click()
  await page.getByRole('button', { name: `Open ${name}` }).click()
  await expect(page.getByRole('dialog')).toBeHidden()
}

export interface FileData { name: string; mimeType: string; buffer: Buffer }

/** Clicks a toolbar button that downloads a file and returns the file (a real browser download). */
export async function downloadFrom(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button, exact: true }).click(),
  ])
  const stream = await download.createReadStream()
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  return { name: download.suggestedFilename(), bytes: Buffer.concat(chunks) }
}

/** The plan file as Export JSON writes it. */
export const exportedJson = async (page: Page): Promise<string> => (await downloadFrom(page, 'Export JSON')).bytes.toString('utf8')

/** Opens a file through the Import button's file chooser, as a person would. */
export async function importThroughChooser(page: Page, file: FileData) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Import', exact: true }).click(),
  ])
  await chooser.setFiles(file)
}

interface DroppedFile { name: string; type: string; text: string }

/** Drops files on the canvas as the operating system does (a real DataTransfer). */
export async function dropFile(page: Page, file: DroppedFile | DroppedFile[]) {
  const dataTransfer = await page.evaluateHandle((files) => {
    const transfer = new DataTransfer()
    for (const { name, type, text } of files) transfer.items.add(new File([text], name, { type }))
    return transfer
  }, Array.isArray(file) ? file : [file])
  await pane(page).dispatchEvent('dragenter', { dataTransfer })
  await pane(page).dispatchEvent('dragover', { dataTransfer })
  await pane(page).dispatchEvent('drop', { dataTransfer })
}

/** Every finding shown, as "severity rule subject". */
export const shownFindings = (page: Page): Promise<string[]> =>
  findingItems(page).evaluateAll((items) => items.map((li) => `${li.getAttribute('data-severity')} ${li.getAttribute('data-rule')} ${li.getAttribute('data-subject')}`))

/** Replaces the (non-empty) plan with an empty one through the toolbar. */
export async function startNewPlan(page: Page) {
  await page.getByRole('button', { name: 'New plan' }).click()
  await page.getByRole('button', { name: 'Discard and start new' }).click()
  await expect(page.locator('[data-entity-id]')).toHaveCount(0)
}
