import { expect, test, type Page } from '@playwright/test'
import { savePlan } from '../../src/core/index.ts'
import { generateEstate } from '../../src/core/testing/estate.ts'
import { importThroughChooser, inspector, node, openFresh, openTemplate } from './helpers.ts'

const findBox = (page: Page) => page.getByRole('combobox', { name: 'Find on canvas' })
const matches = (page: Page) => page.getByRole('listbox', { name: 'Matches' }).getByRole('option')

test('Find on canvas: Ctrl+F, type, arrows and Enter select the match and show it; a click does too', async ({ page }) => {
  await openFresh(page)
  // An empty plan has nothing to find.
  await expect(findBox(page)).toHaveCount(0)
  await openTemplate(page, 'Large organisation')

  await page.keyboard.press('Control+f')
  await expect(findBox(page)).toBeFocused()
  await page.keyboard.type('hub0')
  // The VMs named so come first, then their disks (found by where they are).
  await expect(matches(page)).toHaveCount(9)
  await expect(page.getByRole('status').filter({ hasText: /^9 matches$/ })).toBeAttached()
  await expect(matches(page).filter({ hasText: 'Virtual machine' })).toHaveText([/^HUB01\s*Virtual machine on HV01$/, /^HUB02\s*Virtual machine on HV02$/, /^HUB03\s*Virtual machine on HV03$/])
  await expect(matches(page).nth(3)).toHaveText(/^System\s*Fixed VHD of HUB01$/)
  await page.keyboard.press('ArrowDown')
  await expect(matches(page).nth(1)).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('Enter')
  await expect(inspector(page).getByLabel('Name', { exact: true })).toHaveValue('HUB02')
  await expect(node(page, 'vm', 'hub02')).toHaveClass(/selected/)
  await expect(node(page, 'vm', 'hub02')).toBeInViewport()
  await expect(page.getByRole('listbox', { name: 'Matches' })).toBeHidden()
  // Ctrl+D and Ctrl+F edit no text: they work from the find box and the Inspector's fields too.
  await page.keyboard.press('Control+d')
  await expect(node(page, 'vm', 'hub04')).toBeAttached()
  await expect(page.getByText('Duplicated HUB02 as HUB04')).toBeAttached()
  await inspector(page).getByLabel('Name', { exact: true }).focus()
  await page.keyboard.press('Control+f')
  await expect(findBox(page)).toBeFocused()

  // Words narrow the search by what and where an entity is; a click chooses.
  await findBox(page).fill('mbx02 logs')
  await expect(matches(page)).toHaveText([/^MBX02 logs\s*LUN of SAN01$/, /^Logs \(SAN\)\s*Physical disk of MBX02$/])
  await matches(page).filter({ hasText: 'LUN of SAN01' }).click()
  await expect(inspector(page)).toContainText('LUN of SAN01')
  await expect(inspector(page).getByLabel('Name', { exact: true })).toHaveValue('MBX02 logs')

  await findBox(page).fill('nothing like this')
  await expect(page.getByRole('status').filter({ hasText: 'Nothing matches' })).toBeVisible()
  // Escape closes the list, then clears the box.
  await page.keyboard.press('Escape')
  await expect(page.getByText('Nothing matches')).toBeHidden()
  await page.keyboard.press('Escape')
  await expect(findBox(page)).toHaveValue('')

  // In the page, it comes before the diagram's nodes: from the palette, Tab goes past the skip link to it.
  await page.getByRole('region', { name: 'Palette' }).getByRole('button', { name: 'Unified Messaging', exact: true }).focus()
  await page.keyboard.press('Tab')
  await expect(page.getByRole('button', { name: 'Skip the diagram, to the Inspector' })).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(findBox(page)).toBeFocused()

  // "/" reaches it from anywhere but a text field.
  const chosen = node(page, 'lun').filter({ hasText: 'MBX02 logs' })
  await chosen.click()
  await expect(findBox(page)).not.toBeFocused()
  await page.keyboard.press('/')
  await expect(findBox(page)).toBeFocused()
})

test('Enter right after typing goes to the first match, before the list has caught up with what was typed', async ({ page }) => {
  await openFresh(page)
  await openTemplate(page, 'Large organisation')
  // Typing and Enter in one go, with no frame between them for the list (drawn in the background) to show.
  await findBox(page).evaluate((input: HTMLInputElement) => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, 'hub03')
    input.dispatchEvent(new Event('input', { bubbles: true }))
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }))
  })
  await expect(inspector(page).getByLabel('Name', { exact: true })).toHaveValue('HUB03')
  await expect(node(page, 'vm', 'hub03')).toBeInViewport()
})

test('Find reaches a VM of a big plan that the canvas has not drawn', async ({ page }) => {
  await openFresh(page)
  await importThroughChooser(page, { name: 'estate.json', mimeType: 'application/json', buffer: Buffer.from(savePlan(generateEstate(100))) })
  await expect(node(page, 'host').first()).toBeVisible({ timeout: 30_000 })
  // The search starts at once, before the open's fit to the whole plan, which must then not undo it.
  await findBox(page).fill('EX-0-0')
  await page.keyboard.press('Enter')
  await expect(node(page, 'vm', 'hv0-ex0')).toBeInViewport()
  // Zoomed in on the first host, the canvas draws only what is in view.
  await expect(node(page, 'vm', 'hv12-ex3')).toHaveCount(0)
  await findBox(page).fill('EX-12-3')
  await expect(matches(page).first()).toHaveText(/^EX-12-3\s*Virtual machine on /)
  await page.keyboard.press('Enter')
  await expect(node(page, 'vm', 'hv12-ex3')).toBeInViewport()
  await expect(inspector(page).getByLabel('Name', { exact: true })).toHaveValue('EX-12-3')
})

test('another plan opened clears the find box: what was typed was looked for in the last plan', async ({ page }) => {
  await openFresh(page)
  await openTemplate(page, 'Large organisation')
  await findBox(page).fill('hub0')
  await expect(matches(page)).not.toHaveCount(0)
  await openTemplate(page, 'Small office')
  await expect(findBox(page)).toHaveValue('')
  await expect(page.getByRole('listbox', { name: 'Matches' })).toBeHidden()
  // Editing the same plan, and undoing the edit, keep what is typed.
  await findBox(page).fill('ex')
  await inspector(page).getByLabel('Plan name').fill('Small office, renamed')
  await inspector(page).getByLabel('Plan name').press('Enter')
  await expect(page.locator('.plan-name')).toHaveText('Small office, renamed')
  await expect(findBox(page)).toHaveValue('ex')
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(page.locator('.plan-name')).not.toHaveText('Small office, renamed')
  await expect(findBox(page)).toHaveValue('ex')
})
