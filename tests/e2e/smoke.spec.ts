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
