import { expect, test, type Page } from '@playwright/test'
import { exportedJson, inspector, node, openFresh, openTemplate, palette } from './helpers.ts'

test.use({ permissions: ['clipboard-read', 'clipboard-write'] })

/** Where the keyboard focus is: never the page itself. */
const focusIsInTheApp = (page: Page) => page.evaluate(() => document.activeElement !== null && document.activeElement !== document.body)

test('Export PNG by keyboard keeps the focus on its button while it works and after', async ({ page }) => {
  await openFresh(page)
  await openTemplate(page, 'Small office')
  const png = page.getByRole('button', { name: 'Export PNG' })
  await png.focus()
  // Record each busy state as it happens, with where the focus was then: a small plan exports so
  // fast that polling for aria-busy="true" afterwards can miss it.
  await png.evaluate((button) => {
    const seen: { busy: string | null; focused: boolean }[] = []
    ;(window as unknown as { busyStates: typeof seen }).busyStates = seen
    new MutationObserver(() => seen.push({ busy: button.getAttribute('aria-busy'), focused: document.activeElement === button }))
      .observe(button, { attributes: true, attributeFilter: ['aria-busy'] })
  })
  const download = page.waitForEvent('download')
  await page.keyboard.press('Enter')
  await download
  await expect(png).toHaveAttribute('aria-busy', 'false')
  await expect(png).toBeFocused()
  const states = await page.evaluate(() => (window as unknown as { busyStates: { busy: string | null; focused: boolean }[] }).busyStates)
  expect(states).toContainEqual({ busy: 'true', focused: true })
})

test('closing the share dialog, by Done or by Escape, gives the focus back to "Copy share link"', async ({ page }) => {
  await openFresh(page)
  await openTemplate(page, 'Small office')
  const share = page.getByRole('button', { name: 'Copy share link' })
  for (const close of ['Done', 'Escape'] as const) {
    await share.focus()
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog', { name: 'Share link copied' })
    await expect(dialog).toBeVisible()
    if (close === 'Done') await dialog.getByRole('button', { name: 'Done' }).click()
    else await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()
    await expect(share).toBeFocused()
  }
})

test('a linked plan is announced, and keeping or discarding it from the banner leaves the focus in the app', async ({ page }) => {
  await openFresh(page)
  await openTemplate(page, 'Small office')
  await page.getByRole('button', { name: 'Copy share link' }).click()
  // The link as the dialog shows it: the clipboard is the machine's, and share.spec.ts, running in
  // another worker, writes to it too (share.spec.ts checks the clipboard itself).
  const link = await page.getByRole('dialog').getByRole('textbox', { name: 'Share link' }).inputValue()
  expect(link).toMatch(/#p=/)
  await page.getByRole('dialog').getByRole('button', { name: 'Done' }).click()
  for (const choice of ['Keep as my plan', 'Discard']) {
    // Each time in a tab of its own, as a link is opened from a chat or a mail.
    const tab = await page.context().newPage()
    await tab.goto(link)
    const banner = tab.getByRole('region', { name: 'Opened from a link' })
    await expect(banner).toBeVisible()
    await expect(tab.getByTestId('announcer')).toHaveText(/^Opened "Small office: one host, [^"]*" from a link\. It is not saved in this browser until you keep it as your plan\.$/)
    await banner.getByRole('button', { name: choice }).focus()
    await tab.keyboard.press('Enter')
    await expect(banner).toBeHidden()
    await expect.poll(() => focusIsInTheApp(tab)).toBe(true)
    await expect(tab.locator('.react-flow')).toBeFocused()
    await tab.close()
  }
})

test('Ctrl+Z on a select showing an unapplied choice takes back that choice, not the step before', async ({ page }) => {
  await openFresh(page)
  await openTemplate(page, 'Small office')
  await node(page, 'virtual-disk').first().click()
  const kind = inspector(page).getByLabel('Disk kind')
  const before = await kind.inputValue()
  await kind.focus()
  await page.keyboard.press('ArrowDown')
  expect(await kind.inputValue()).not.toBe(before)
  await page.keyboard.press('Control+z')
  await expect(kind).toHaveValue(before)
  await expect(kind).toBeFocused()
  // The template is still open: the undo did not reach the step that opened it.
  await expect(page.getByRole('group', { name: /^Host / }).first()).toBeVisible()
  await page.keyboard.press('Tab')
  await expect(kind).toHaveValue(before)
})

test('a network adapter\'s switch browsed with the arrow keys applies once, on Enter, as one undo step', async ({ page }) => {
  await openFresh(page)
  await openTemplate(page, 'Small office')
  await node(page, 'vm').first().click({ position: { x: 60, y: 12 } })
  const switchField = inspector(page).getByRole('combobox', { name: 'Network adapter 1 switch' })
  const before = await switchField.inputValue()
  await switchField.focus()
  // Two values passed on the way to the one applied: one step, not two.
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  const chosen = await switchField.inputValue()
  expect(chosen).not.toBe(before)
  await switchField.press('Enter')
  expect(JSON.parse(await exportedJson(page)).hosts[0].vms[0].network[0].switch).toBe(chosen)
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(switchField).toHaveValue(before)
})

test('an undo that removes the selected item leaves the focus in the app', async ({ page }) => {
  await openFresh(page)
  await openTemplate(page, 'Small office')
  await node(page, 'virtual-disk').first().click()
  await page.getByRole('button', { name: 'Delete' }).click()
  await page.keyboard.press('Control+z')
  await node(page, 'virtual-disk').first().click()
  // Redo deletes it again while its Inspector field has the focus.
  await inspector(page).getByLabel('Disk kind').focus()
  await page.keyboard.press('Control+Shift+z')
  await expect.poll(() => focusIsInTheApp(page)).toBe(true)
})

test('a button of the Inspector that removes itself leaves the focus in the Inspector, and Delete then deletes nothing', async ({ page }) => {
  await openFresh(page)
  await openTemplate(page, 'Small office')
  await node(page, 'vm').first().click({ position: { x: 60, y: 12 } })
  const adapters = async () => inspector(page).getByRole('button', { name: /^Remove network adapter/ }).count()
  const before = await adapters()
  await inspector(page).getByRole('button', { name: 'Add network adapter' }).press('Enter')
  await expect.poll(adapters).toBe(before + 1)
  // The rows' columns are named over them (each control also has its own accessible name).
  await expect(inspector(page).locator('.insp-list-head')).toHaveText('AdapterVirtual switch')
  await expect(inspector(page).getByRole('combobox', { name: 'Network adapter 1 switch' })).toHaveAttribute('title', 'External switch')
  await inspector(page).getByRole('button', { name: `Remove network adapter ${before + 1}` }).press('Enter')
  await expect.poll(adapters).toBe(before)
  await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[aria-label="Inspector"]') !== null)).toBe(true)
  await page.keyboard.press('Backspace')
  await page.keyboard.press('Delete')
  await expect(node(page, 'vm')).toHaveCount(1)

  await inspector(page).getByRole('button', { name: 'Remove Exchange' }).press('Enter')
  await expect(inspector(page).getByRole('button', { name: 'Install Exchange' })).toBeVisible()
  await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[aria-label="Inspector"]') !== null)).toBe(true)
  await page.keyboard.press('Delete')
  await expect(node(page, 'vm')).toHaveCount(1)
})

test('on a canvas node, Enter selects it and says so, Escape clears the selection and keeps the focus on the node', async ({ page }) => {
  await openFresh(page)
  await openTemplate(page, 'Small office')
  const announcer = page.getByTestId('announcer')
  await page.locator('.react-flow').focus()
  await page.keyboard.press('Tab')
  const focused = page.locator('.react-flow__node:focus')
  await expect(focused).toHaveAttribute('aria-label', 'Host HV01')
  await page.keyboard.press('Enter')
  await expect(node(page, 'host', 'hv01')).toHaveClass(/selected/)
  await expect(announcer).toHaveText('Selected Host HV01')
  await page.keyboard.press('Escape')
  await expect(node(page, 'host', 'hv01')).not.toHaveClass(/selected/)
  await expect(announcer).toHaveText('Selection cleared')
  await expect(focused).toHaveAttribute('aria-label', 'Host HV01')
  expect(await focusIsInTheApp(page)).toBe(true)
  // Every host has a System disk, every VM a Boot disk: their names say whose.
  await expect(page.locator('.react-flow__node[aria-label^="Host disk "]').first()).toHaveAttribute('aria-label', / of HV01$/)
  await expect(page.locator('.react-flow__node[aria-label^="Virtual disk "]').first()).toHaveAttribute('aria-label', / of EX01 \(Fixed VHD\)$/)
  // A finding activated by keyboard says what it selected.
  const item = page.getByRole('region', { name: 'Findings' }).getByRole('listitem').first()
  await item.focus()
  await page.keyboard.press('Enter')
  await expect(announcer).toHaveText(/^Selected /)
})

test('Escape clears the selection from the palette, the toolbar and the findings too, but not from the Inspector', async ({ page }) => {
  await openFresh(page)
  await openTemplate(page, 'Small office')
  const announcer = page.getByTestId('announcer')
  const ex01 = node(page, 'vm', 'ex01')
  const select = async () => {
    await ex01.click({ position: { x: 60, y: 12 } })
    await expect(ex01).toHaveClass(/selected/)
  }
  for (const place of [palette(page, 'Host'), page.getByRole('button', { name: 'Undo' }), page.getByRole('region', { name: 'Findings' }).getByRole('listitem').first()]) {
    await select()
    await place.focus()
    await page.keyboard.press('Escape')
    await expect(ex01).not.toHaveClass(/selected/)
    await expect(announcer).toHaveText('Selection cleared')
  }
  // In the Inspector, Escape is the field's: the VM stays selected, and its fields stay under the focus.
  await select()
  await inspector(page).getByLabel('Guest OS').focus()
  await page.keyboard.press('Escape')
  await expect(ex01).toHaveClass(/selected/)
  await expect(inspector(page).getByLabel('Guest OS')).toBeFocused()
})

test('arrow keys, Home and End move along the toolbar, past a disabled button', async ({ page }) => {
  await openFresh(page)
  const toolbar = page.getByRole('toolbar', { name: 'Toolbar' })
  await toolbar.getByRole('button', { name: 'New plan' }).focus()
  await page.keyboard.press('ArrowRight')
  await expect(toolbar.getByRole('button', { name: 'Templates' })).toBeFocused()
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.press('ArrowLeft')
  // From the first button, Left goes round to the last enabled one: Redo and Undo are disabled on a fresh plan.
  await expect(toolbar.getByRole('button', { name: 'Copy share link' })).toBeFocused()
  await page.keyboard.press('Home')
  await expect(toolbar.getByRole('button', { name: 'New plan' })).toBeFocused()
  await page.keyboard.press('End')
  await expect(toolbar.getByRole('button', { name: 'Copy share link' })).toBeFocused()
})
