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
  await page.goto('/')
  await page.evaluate(() => localStorage.clear())
  await page.reload()
  await expect(page.getByRole('region', { name: 'Palette' })).toBeVisible()
}

export async function openTemplate(page: Page, name: string) {
  await page.getByRole('button', { name: 'Templates' }).click()
  await page.getByRole('button', { name: `Open ${name}` }).click()
  await expect(page.getByRole('dialog')).toBeHidden()
}
