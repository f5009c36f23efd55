/**
 * Hiding the palette and the Inspector with the Findings: on a 1,024-pixel screen the two take half
 * the width, and a large plan opened at a quarter of its size.
 */
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { findings, inspector, node, openFresh, openTemplate, palette } from './helpers.ts'

test.use({ viewport: { width: 1024, height: 768 } })

const canvasWidth = (page: Page) => page.locator('main.canvas-area').evaluate((element) => element.getBoundingClientRect().width)
/** How large the Large organisation template's first host is drawn: the zoom a fit chose. */
const hostWidth = (page: Page) => node(page, 'host').first().evaluate((element) => element.getBoundingClientRect().width)

test('hides and shows the palette and the side column, keeps the choice on reload, and a plan opened then fits the wider canvas', async ({ page }) => {
  await openFresh(page)
  await openTemplate(page, 'Large organisation')
  const narrow = await canvasWidth(page)
  await expect.poll(() => hostWidth(page)).toBeGreaterThan(0)
  const smallHost = await hostWidth(page)

  await page.getByRole('button', { name: 'Hide palette' }).click()
  await expect(page.getByRole('region', { name: 'Palette' })).toHaveCount(0)
  // A rail stays, with the button that brings the palette back, focused (the one clicked is gone).
  const showPalette = page.getByRole('button', { name: 'Show palette' })
  await expect(showPalette).toBeFocused()
  await expect(showPalette).toHaveAttribute('aria-expanded', 'false')

  await page.getByRole('button', { name: 'Hide Inspector and Findings' }).click()
  await expect(inspector(page)).toHaveCount(0)
  await expect(findings(page)).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Show Inspector and Findings' })).toBeFocused()
  const wide = await canvasWidth(page)
  // 1,024 − 36 − 36 wide, where the palette (184) and the side column (320) left 520.
  expect(narrow).toBeLessThan(540)
  expect(wide).toBeGreaterThan(940)

  // The choice is the browser's, as the rest of the editor's state.
  await page.reload()
  await expect(page.getByRole('button', { name: 'Show palette' })).toBeVisible()
  await expect(inspector(page)).toHaveCount(0)
  expect(await canvasWidth(page)).toBeCloseTo(wide, 0)
  // A plan opened now is fitted to the wider canvas: drawn larger than in the narrow one.
  await openTemplate(page, 'Large organisation')
  await expect.poll(() => hostWidth(page)).toBeGreaterThan(smallHost * 1.4)

  await page.getByRole('button', { name: 'Show palette' }).click()
  await expect(palette(page, 'Host')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Hide palette' })).toBeFocused()
  await page.getByRole('button', { name: 'Show Inspector and Findings' }).click()
  await expect(inspector(page)).toBeVisible()
  await expect(findings(page)).toBeVisible()
  expect(await canvasWidth(page)).toBeCloseTo(narrow, 0)
})

test('the hiding buttons are outside the Palette and Inspector regions, whose buttons and controls stay as they were', async ({ page }) => {
  await openFresh(page)
  // One button per kind in the Palette region (DESIGN.md); the Inspector's first control is still its first field.
  const names = await page.getByRole('region', { name: 'Palette' }).getByRole('button').allTextContents()
  expect(names).toHaveLength(19)
  expect(names).not.toContain('Hide palette')
  await expect(inspector(page).getByRole('button', { name: 'Hide Inspector and Findings' })).toHaveCount(0)
  // F6 from the toolbar lands on the first palette item; with the palette hidden, on the button that shows it.
  await page.getByRole('button', { name: 'New plan' }).focus()
  await page.keyboard.press('F6')
  await expect(palette(page, 'Host')).toBeFocused()
  await page.getByRole('button', { name: 'Hide palette' }).click()
  await page.getByRole('button', { name: 'New plan' }).focus()
  await page.keyboard.press('F6')
  await expect(page.getByRole('button', { name: 'Show palette' })).toBeFocused()
})

test('with the side column hidden, F6 reaches the button that shows it, and the skip link shows the Inspector', async ({ page }) => {
  await openFresh(page)
  await page.getByRole('button', { name: 'Hide Inspector and Findings' }).click()
  await page.locator('.react-flow').focus()
  await page.keyboard.press('F6')
  await expect(page.getByRole('button', { name: 'Show Inspector and Findings' })).toBeFocused()
  await page.getByRole('button', { name: 'Skip the diagram, to the Inspector' }).focus()
  await page.keyboard.press('Enter')
  await expect(inspector(page)).toBeFocused()
})

test('with both hidden, the editor has no accessibility violations: each rail is in a landmark of its own', async ({ page }) => {
  await openFresh(page)
  await openTemplate(page, 'Large organisation')
  await page.getByRole('button', { name: 'Hide palette' }).click()
  await page.getByRole('button', { name: 'Hide Inspector and Findings' }).click()
  const results = await new AxeBuilder({ page }).analyze()
  expect(results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')})`)).toEqual([])
})
