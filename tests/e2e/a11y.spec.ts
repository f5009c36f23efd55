import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import { node, openFresh, openTemplate, palette } from './helpers.ts'

// The seed has a Hyper-V host and a VM; "Large organisation" adds bare-metal servers, storage and
// clusters; the 2019 DAG, clustered Hyper-V hosts with VHDX disks.
for (const template of ['Seed article: two-disk host', 'Large organisation', 'Exchange 2019 DAG on Hyper-V'] as const) for (const colorScheme of ['light', 'dark'] as const) test(`the editor with "${template}" open has no serious or critical accessibility violations (${colorScheme})`, async ({ page }) => {
  await page.emulateMedia({ colorScheme })
  await openFresh(page)
  await openTemplate(page, template)
  await node(page, 'vm').first().click({ position: { x: 60, y: 12 } })
  const results = await new AxeBuilder({ page }).analyze()
  // None at all: the moderate ones too (a banner landmark, one h1, what a role is allowed on).
  expect(results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')})`)).toEqual([])
})

for (const colorScheme of ['light', 'dark'] as const) test(`the find list, the shortcuts and the templates dialogs have no serious or critical accessibility violations (${colorScheme})`, async ({ page }) => {
  await page.emulateMedia({ colorScheme })
  // A short screen: the shortcuts dialog's list scrolls, and must then take the focus.
  await page.setViewportSize({ width: 1280, height: 640 })
  await openFresh(page)
  await openTemplate(page, 'Large organisation')
  const serious = async () => (await new AxeBuilder({ page }).analyze()).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')})`)
  await page.getByRole('combobox', { name: 'Find on canvas' }).fill('hub')
  await page.keyboard.press('ArrowDown')
  await expect(page.getByRole('listbox', { name: 'Matches' }).getByRole('option').first()).toBeVisible()
  expect(await serious()).toEqual([])
  await page.keyboard.press('Escape')
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click()
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible()
  expect(await serious()).toEqual([])
  await page.keyboard.press('Escape')
  await page.getByRole('button', { name: 'Templates' }).click()
  await expect(page.getByRole('dialog')).toBeVisible()
  expect(await serious()).toEqual([])
})

test('a dialog whose list scrolls on a short screen opens with the focus on its first control, and a question reads with its reason', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 640 })
  await openFresh(page)
  await page.getByRole('button', { name: 'Templates' }).click()
  const templates = page.getByRole('dialog', { name: 'Templates' })
  // The list scrolls (it can take the focus, named by the dialog's title), but the focus starts on the first template.
  await expect(templates.getByRole('group', { name: 'Templates' })).toHaveAttribute('tabindex', '0')
  await expect(templates.getByRole('button', { name: /^Open / }).first()).toBeFocused()
  await page.keyboard.press('Escape')
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click()
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' }).getByRole('button', { name: 'Close' })).toBeFocused()
  await page.keyboard.press('Escape')
  await openTemplate(page, 'Small office')
  await page.getByRole('button', { name: 'New plan' }).click()
  await expect(page.getByRole('dialog', { name: 'Start a new plan?' })).toHaveAccessibleDescription(/will be replaced by an empty one\. You can still undo this\.$/)
})

test('every toolbar and palette control is reachable by keyboard, with a visible focus ring', async ({ page }) => {
  await openFresh(page)
  const seen = new Set<string>()
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab')
    const info = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null
      if (!el || el === document.body) return null
      const style = getComputedStyle(el)
      return { name: el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '', outline: style.outlineStyle !== 'none' && style.outlineWidth !== '0px' }
    })
    if (!info) continue
    seen.add(info.name)
    expect(info.outline, `focus ring on "${info.name}"`).toBe(true)
  }
  for (const name of ['New plan', 'Templates', 'Import', 'Export JSON', 'Host', 'Virtual machine', 'Fixed VHD']) expect(seen).toContain(name)
  await palette(page, 'Host').focus()
  await page.keyboard.press('Enter')
  await expect(node(page, 'host')).toHaveCount(1)
})

test('the arrow keys, Home and End move the focus through the palette without adding anything', async ({ page }) => {
  await openFresh(page)
  await palette(page, 'Host').focus()
  await page.keyboard.press('ArrowDown')
  await expect(palette(page, 'Bare-metal server')).toBeFocused()
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('ArrowUp')
  await expect(palette(page, 'Host')).toBeFocused()
  await page.keyboard.press('End')
  await expect(palette(page, 'Unified Messaging')).toBeFocused()
  await page.keyboard.press('Home')
  await expect(palette(page, 'Host')).toBeFocused()
  // Across a group's end into the next group, as the buttons stand.
  await palette(page, 'Virtual machine').focus()
  await page.keyboard.press('ArrowDown')
  await expect(palette(page, 'Physical disk')).toBeFocused()
  await expect(node(page, 'host')).toHaveCount(0)
  // Tab still goes from each button to the next.
  await page.keyboard.press('Tab')
  await expect(palette(page, 'Fixed VHD')).toBeFocused()
})
