import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'

test('the built app loads in Chromium with its toolbar, palette, canvas, inspector and findings', async ({ page }) => {
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto('/')
  await expect(page).toHaveTitle('vexplan')
  for (const name of ['Palette', 'Inspector', 'Findings']) await expect(page.getByRole('region', { name })).toBeVisible()
  for (const name of ['New plan', 'Templates', 'Import', 'Export JSON', 'Undo', 'Redo']) {
    await expect(page.getByRole('button', { name, exact: true })).toBeVisible()
  }
  await expect(page.getByText('Start your plan')).toBeVisible()
  expect(errors).toEqual([])
})

test('on a 1024-pixel screen the whole toolbar fits, finding totals included, without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 })
  await page.goto('/')
  for (const name of ['New plan', 'Templates', 'Import', 'Export JSON', 'Export PNG', 'Copy share link', 'Undo', 'Redo']) {
    await expect(page.getByRole('button', { name, exact: true })).toBeInViewport({ ratio: 1 })
  }
  await expect(page.getByRole('status', { name: 'Finding totals' })).toBeInViewport({ ratio: 1 })
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024)
  // The words are hidden from sight only: a screen reader still hears "0 errors", not a bare "0".
  await expect(page.getByRole('status', { name: 'Finding totals' })).toHaveText(/0 errors.*0 warnings.*0 info/)
  await expect(page.locator('.total-word').first()).not.toBeHidden()
})

test('on a 1280 × 720 screen every palette item is one line: "Fibre Channel disk" and "Bare-metal server" do not wrap', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.goto('/')
  const heights = await page.getByRole('region', { name: 'Palette' }).getByRole('button').evaluateAll((items) =>
    Object.fromEntries(items.map((item) => [item.textContent, Math.round(item.getBoundingClientRect().height)])))
  expect(Object.keys(heights)).toContain('Fibre Channel disk')
  expect(new Set(Object.values(heights)), JSON.stringify(heights)).toEqual(new Set([heights.Host]))
})

test('a long plan name gives way to the toolbar at every width: no sideways scrolling, every control and total in sight', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('button', { name: 'Templates' }).click()
  await page.getByRole('button', { name: /^Open Exchange 2019/ }).click()
  await expect(page.locator('.plan-name')).toHaveText(/^Exchange 2019 DAG/)
  const long = 'Contoso Exchange 2019 DAG on two Hyper-V 2019 hosts in the Amsterdam and Rotterdam data centres, rev. 4'
  await page.getByRole('region', { name: 'Inspector' }).getByLabel('Plan name').fill(long)
  await page.getByRole('region', { name: 'Inspector' }).getByLabel('Plan name').press('Enter')
  const name = page.locator('.plan-name')
  await expect(name).toHaveText(long)
  for (const width of [1920, 1440, 1366, 1280, 1024]) {
    await page.setViewportSize({ width, height: 800 })
    // The name is there, cut with an ellipsis (its whole in the tooltip), as wide as the room allows.
    const shown = await name.evaluate((el) => ({ cut: el.scrollWidth > el.clientWidth, width: el.clientWidth }))
    expect(shown.cut, `name cut at ${width} px`).toBe(true)
    expect(shown.width, `name shown at ${width} px`).toBeGreaterThan(40)
    await expect(name).toHaveAttribute('title', long)
    for (const button of ['New plan', 'Export PNG', 'Copy share link', 'Redo']) {
      await expect(page.getByRole('button', { name: button, exact: true }), `${button} at ${width} px`).toBeInViewport({ ratio: 1 })
    }
    await expect(page.getByRole('status', { name: 'Finding totals' }), `totals at ${width} px`).toBeInViewport({ ratio: 1 })
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `page width at ${width} px`).toBeLessThanOrEqual(width)
  }
})

test('an unreadable autosave is set aside with a message centred over the canvas, clear of the inspector', async ({ page }) => {
  await page.goto('/')
  await page.evaluate(() => localStorage.setItem('vexplan.autosave', '{"format":"vexplan/plan","version":1,"name":"x","organization":{"mailboxes":1},"hosts":[{"bad":1}]}'))
  await page.reload()
  const notice = page.getByRole('status').filter({ hasText: /^Your autosaved plan could not be opened \(hosts\[0\]\.id is required but missing, and \d+ more problems that Import lists\)/ })
  await expect(notice).toBeVisible()
  const box = (await notice.locator('.notice').boundingBox())!
  const canvas = (await page.locator('.react-flow').boundingBox())!
  expect(box.x).toBeGreaterThanOrEqual(canvas.x)
  expect(box.x + box.width).toBeLessThanOrEqual(canvas.x + canvas.width)
  expect(await page.evaluate(() => localStorage.getItem('vexplan.autosave.unreadable'))).toContain('"bad":1')
  // Nothing is lost: the save downloads as it was, to be mended and imported again.
  const [saved] = await Promise.all([page.waitForEvent('download'), notice.getByRole('button', { name: 'Download it' }).click()])
  expect(saved.suggestedFilename()).toBe('vexplan-autosave-unreadable.json')
  expect(readFileSync(await saved.path(), 'utf8')).toBe('{"format":"vexplan/plan","version":1,"name":"x","organization":{"mailboxes":1},"hosts":[{"bad":1}]}')
  await expect(notice).toBeVisible()
  // Once the notice is gone, and after an edit and a reload, the plan's Inspector still lists it, to download or delete.
  await notice.getByRole('button', { name: 'Dismiss' }).click()
  await page.getByRole('region', { name: 'Inspector' }).getByLabel('Plan name').fill('New work')
  await page.getByRole('region', { name: 'Inspector' }).getByLabel('Plan name').press('Enter')
  await page.reload()
  const kept = page.getByRole('region', { name: 'Inspector' })
  await expect(kept.getByRole('heading', { name: 'Kept aside' })).toBeVisible()
  const [again] = await Promise.all([page.waitForEvent('download'), kept.getByRole('button', { name: 'Download "x"' }).click()])
  expect(readFileSync(await again.path(), 'utf8')).toContain('"bad":1')
  await kept.getByRole('button', { name: 'Delete "x"' }).click()
  await expect(kept.getByRole('heading', { name: 'Kept aside' })).toHaveCount(0)
  expect(await page.evaluate(() => localStorage.getItem('vexplan.autosave.unreadable'))).toBeNull()
})

test('the bar between Inspector and Findings resizes them, by pointer and by keyboard, and is remembered', async ({ page }) => {
  await page.goto('/')
  const inspectorRegion = page.getByRole('region', { name: 'Inspector' })
  const bar = page.getByRole('separator', { name: 'Inspector and Findings size' })
  const before = (await inspectorRegion.boundingBox())!.height
  const box = (await bar.boundingBox())!
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  await page.mouse.down()
  await page.mouse.move(box.x + box.width / 2, box.y + 150, { steps: 5 })
  await page.mouse.up()
  const dragged = (await inspectorRegion.boundingBox())!.height
  expect(dragged).toBeGreaterThan(before + 100)
  await bar.focus()
  await page.keyboard.press('ArrowUp')
  await expect.poll(async () => (await inspectorRegion.boundingBox())!.height).toBeLessThan(dragged)
  const share = await bar.getAttribute('aria-valuenow')
  await page.reload()
  await expect(page.getByRole('separator', { name: 'Inspector and Findings size' })).toHaveAttribute('aria-valuenow', share!)
  // Said as what it divides, not a bare number.
  await expect(page.getByRole('separator', { name: 'Inspector and Findings size' })).toHaveAttribute('aria-valuetext', `Inspector ${share}%, Findings ${100 - Number(share)}%`)
})

test('a keyboard user can skip the diagram and go straight to the Inspector', async ({ page }) => {
  await page.goto('/')
  const skip = page.getByRole('button', { name: 'Skip the diagram, to the Inspector' })
  await page.getByRole('button', { name: 'Unified Messaging' }).focus()
  await page.keyboard.press('Tab')
  await expect(skip).toBeFocused()
  await expect(skip).toBeInViewport()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('region', { name: 'Inspector' })).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(page.getByRole('region', { name: 'Inspector' }).getByLabel('Plan name')).toBeFocused()
})
