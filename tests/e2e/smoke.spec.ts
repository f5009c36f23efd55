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
})
