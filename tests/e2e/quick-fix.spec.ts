import { expect, test } from '@playwright/test'
import { savePlan } from '../../src/core/index.ts'
import { edit, first, soundPlan } from '../../src/core/testing/plan-builder.ts'
import { findingItems, inspector, node, openFresh, openTemplate } from './helpers.ts'

test('a finding with a mechanical fix offers "Fix", which applies it as one undoable step', async ({ page }) => {
  await openFresh(page)
  await openTemplate(page, 'Seed article: two-disk host')
  const item = findingItems(page, 'host-vss-backup-excludes-passthrough')
  await expect(item).toHaveCount(1)
  await expect(page.getByRole('status', { name: 'Finding totals' })).toHaveText(/✖ 0 errors\b.*▲ 4 warnings/)
  const errorsBefore = await findingItems(page).evaluateAll((items) => items.filter((li) => li.getAttribute('data-severity') === 'error').length)
  await item.getByRole('button', { name: /^Fix: / }).click()
  await expect(item).toHaveCount(0)
  // What was done shows over the canvas, not only for a screen reader.
  // It names what was fixed: EX01, whose backup the fix changes.
  await expect(page.locator('.notice').filter({ hasText: /^Fixed EX01: .+; Undo takes it back$/ })).toBeVisible()
  // The focus stays in the findings, on the one that took the fixed one's place.
  await expect(page.locator('li.finding:focus')).toHaveCount(1)
  await expect(findingItems(page, 'backup-in-guest-recommended')).toHaveCount(0)
  const errorsAfter = await findingItems(page).evaluateAll((items) => items.filter((li) => li.getAttribute('data-severity') === 'error').length)
  expect(errorsAfter).toBeLessThanOrEqual(errorsBefore)
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(findingItems(page, 'host-vss-backup-excludes-passthrough')).toHaveCount(1)
})

test('"Fix all" fixes every finding of a rule at once', async ({ page }) => {
  const plan = edit(soundPlan(), (d) => {
    for (const disk of first(d).vm.disks.slice(1)) { disk.kind = 'dynamic-vhd'; disk.backing = 'hv01-os' }
    first(d).host.disks[0]!.sizeGB = 1000 // room for both once they are fixed
  })
  await page.goto('/')
  await page.evaluate((text) => localStorage.setItem('vexplan.autosave', text), savePlan(plan))
  await page.reload()
  await expect(findingItems(page, 'dynamic-vhd-unsupported')).toHaveCount(2)
  // Each button names what it fixes: the same fix on two disks reads differently.
  const fixes = findingItems(page, 'dynamic-vhd-unsupported').getByRole('button', { name: /^Fix: / })
  expect(await fixes.evaluateAll((buttons) => buttons.map((button) => button.getAttribute('aria-label')))).toEqual([
    'Fix: Make it a fixed VHD (EX01 › Database)',
    'Fix: Make it a fixed VHD (EX01 › Logs)',
  ])
  await findingItems(page, 'dynamic-vhd-unsupported').first().getByRole('button', { name: 'Fix all 2: Make it a fixed VHD' }).click()
  await expect(page.getByText('Fixed 2 findings (Make it a fixed VHD) as one step; Undo takes the fixes back')).toBeAttached()
  await expect(findingItems(page, 'dynamic-vhd-unsupported')).toHaveCount(0)
  await page.keyboard.press('Control+z')
  await expect(findingItems(page, 'dynamic-vhd-unsupported')).toHaveCount(2)
})

test('an Enterprise edition picked for a Windows Server 2019 host is a finding at once, whose Fix makes it Datacenter', async ({ page }) => {
  await openFresh(page)
  await openTemplate(page, 'Exchange 2019 DAG on Hyper-V')
  await expect(findingItems(page, 'host-edition-in-version')).toHaveCount(0)
  await node(page, 'parent-partition', 'hv01').click()
  const edition = inspector(page).getByLabel('Windows Server edition')
  await edition.selectOption('enterprise')
  const item = findingItems(page, 'host-edition-in-version')
  await expect(item).toHaveCount(1)
  await expect(item).toHaveAttribute('data-subject', 'hv01')
  await expect(item).toHaveAttribute('data-severity', 'warning')
  await expect(item).toContainText('HV01 runs Windows Server 2019 Hyper-V on the Enterprise edition')
  await item.getByRole('button', { name: /^Fix: Use Datacenter/ }).click()
  await expect(item).toHaveCount(0)
  await expect(edition).toHaveValue('datacenter')
})
