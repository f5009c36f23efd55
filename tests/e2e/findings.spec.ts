import { expect, test } from '@playwright/test'
import { loadPlanValue, savePlan, validate, type Finding } from '../../src/core/index.ts'
import { generateEstate } from '../../src/core/testing/estate.ts'
import seedReference from '../../src/templates/seed-reference.json' with { type: 'json' }
import { findingItems, findings, importThroughChooser, inspector, openFresh, openTemplate, shownFindings } from './helpers.ts'

// The seed reference has warnings and infos, about the VM, its disks and its host.
const TEMPLATE = 'Seed article: two-disk host'
const loaded = loadPlanValue(seedReference)
if (!loaded.ok) throw new Error('template must load')
const plan = loaded.value
const all = validate(plan)
const names = new Map(plan.hosts.flatMap((host) => [
  [host.id, host.name] as const,
  ...host.disks.map((disk) => [disk.id, disk.name] as const),
  ...host.vms.flatMap((vm) => [[vm.id, vm.name] as const, ...vm.disks.map((disk) => [disk.id, disk.name] as const)]),
]))
const line = (f: Finding) => `${f.severity} ${f.rule} ${f.subject}`
/** What the filter promises: every word of the query in the finding's message, rule, fix, subject name or id. */
const matching = (query: string) => {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  return all.filter((f) => {
    const text = [f.message, f.rule, f.fix, names.get(f.subject) ?? '', f.subject].join('\n').toLowerCase()
    return words.every((word) => text.includes(word))
  }).map(line)
}

test('the text filter shows the findings whose words match, says how many, and clears with Escape', async ({ page }) => {
  await openFresh(page)
  await openTemplate(page, TEMPLATE)
  await expect(findingItems(page)).toHaveCount(all.length)
  // A finding is a list item, not a button: its description tells a screen reader what Enter does.
  await expect(findingItems(page).first()).toHaveAccessibleDescription('Enter selects its subject and shows it on the canvas')
  const filter = findings(page).getByRole('searchbox', { name: 'Filter findings' })

  for (const query of ['backup', 'Transport  QUEUE', 'hv01 server core']) {
    const expected = matching(query)
    expect(expected.length, `"${query}" should match some but not all findings`).toBeGreaterThan(0)
    expect(expected.length).toBeLessThan(all.length)
    await filter.fill(query)
    await expect(findings(page).getByText(`Showing ${expected.length} of ${all.length}`)).toBeVisible()
    expect(await shownFindings(page)).toEqual(expected)
  }

  await filter.fill('no such words anywhere')
  await expect(findings(page).getByText('No findings match “no such words anywhere”.')).toBeVisible()
  await expect(findingItems(page)).toHaveCount(0)
  await filter.press('Escape')
  await expect(filter).toHaveValue('')
  await expect(findingItems(page)).toHaveCount(all.length)
})

test('the severity toggles hide and show a severity, and "Show all findings" brings everything back', async ({ page }) => {
  await openFresh(page)
  await openTemplate(page, TEMPLATE)
  const toggles = findings(page).getByRole('group', { name: 'Severities shown' })
  const infos = all.filter((f) => f.severity === 'info')
  expect(infos.length).toBeGreaterThan(0)

  await toggles.getByRole('button', { name: /^Info/ }).click()
  await expect(toggles.getByRole('button', { name: /^Info/ })).toHaveAttribute('aria-pressed', 'false')
  expect(await shownFindings(page)).toEqual(all.filter((f) => f.severity !== 'info').map(line))

  for (const severity of [/^Errors/, /^Warnings/]) await toggles.getByRole('button', { name: severity }).click()
  await expect(findings(page).getByText('All severities are hidden.')).toBeVisible()
  await findings(page).getByRole('button', { name: 'Show all findings' }).click()
  await expect(findingItems(page)).toHaveCount(all.length)
  for (const button of await toggles.getByRole('button').all()) await expect(button).toHaveAttribute('aria-pressed', 'true')
})

test('a reload of the tab keeps the selected item and the findings filter; a new tab starts clean', async ({ page, context }) => {
  await openFresh(page)
  await openTemplate(page, TEMPLATE)
  const filter = findings(page).getByRole('searchbox', { name: 'Filter findings' })
  const toggles = findings(page).getByRole('group', { name: 'Severities shown' })
  await filter.fill('backup')
  await toggles.getByRole('button', { name: /^Info/ }).click()
  const expected = matching('backup').filter((f) => !f.startsWith('info '))
  expect(expected.length).toBeGreaterThan(0)
  await expect.poll(() => shownFindings(page)).toEqual(expected)
  // Activating a finding selects its subject.
  const first = findingItems(page).first()
  const subject = (await first.getAttribute('data-subject'))!
  await first.click()
  await expect(inspector(page).getByLabel('ID', { exact: true })).toHaveValue(subject)

  await page.reload()
  await expect(inspector(page).getByLabel('ID', { exact: true })).toHaveValue(subject)
  await expect(filter).toHaveValue('backup')
  await expect(toggles.getByRole('button', { name: /^Info/ })).toHaveAttribute('aria-pressed', 'false')
  await expect.poll(() => shownFindings(page)).toEqual(expected)

  // A selected item that is gone by the reload is not selected: the plan's Inspector shows instead.
  await inspector(page).getByRole('button', { name: /^Delete / }).click()
  await expect(inspector(page).getByLabel('Plan name', { exact: true })).toBeVisible()
  await page.reload()
  await expect(filter).toHaveValue('backup')
  await expect(inspector(page).getByLabel('Plan name', { exact: true })).toBeVisible()

  // Another tab has a view of its own.
  const other = await context.newPage()
  await other.goto('/')
  await expect(other.getByRole('region', { name: 'Palette' })).toBeVisible()
  await expect(findings(other).getByRole('searchbox', { name: 'Filter findings' })).toHaveValue('')
  await expect(findings(other).getByRole('group', { name: 'Severities shown' }).getByRole('button', { name: /^Info/ })).toHaveAttribute('aria-pressed', 'true')
  await expect(inspector(other).getByLabel('Plan name', { exact: true })).toBeVisible()
})

test('a long list shows a page of each severity, more on demand, and always the findings of the selected item', async ({ page }) => {
  await openFresh(page)
  // 100 VMs: the errors and warnings fit on a page of 250 each; the infos do not.
  const estate = generateEstate(100)
  const loaded = loadPlanValue(estate)
  if (!loaded.ok) throw new Error('the generated estate does not load')
  const count = (severity: Finding['severity']) => validate(loaded.value).filter((f) => f.severity === severity).length
  const [errors, infos] = [count('error'), count('info')]
  expect(errors).toBeLessThanOrEqual(250)
  expect(count('warning')).toBeLessThanOrEqual(250)
  expect(infos).toBeGreaterThan(251)
  await importThroughChooser(page, { name: 'estate.json', mimeType: 'application/json', buffer: Buffer.from(savePlan(estate)) })
  const info = findings(page).getByRole('list', { name: 'Info' })
  await expect(info.locator('li[data-rule]')).toHaveCount(250, { timeout: 30_000 })
  await expect(findings(page).getByRole('list', { name: 'Errors' }).locator('li[data-rule]')).toHaveCount(errors)
  await expect(findings(page).getByText(`250 of ${infos} shown`)).toBeVisible()
  await expect(info.locator('li[data-subject="hv1-ex1"]')).toHaveCount(0)
  // An item picked on the canvas (here through Find) shows its findings, wherever they are in the list.
  await page.getByRole('combobox', { name: 'Find on canvas' }).fill('EX-1-1')
  await expect(page.getByRole('listbox', { name: 'Matches' }).getByRole('option').first()).toHaveText(/^EX-1-1\s*Virtual machine on /)
  await page.keyboard.press('Enter')
  await expect(inspector(page).getByLabel('Name', { exact: true })).toHaveValue('EX-1-1')
  await expect(info.locator('li[data-subject="hv1-ex1"]')).toHaveCount(1)
  await expect(info.locator('li[data-subject="hv1-ex1"]')).toHaveAttribute('aria-current', 'true')
  await expect(findings(page).getByText(`251 of ${infos} shown`)).toBeVisible()
  await findings(page).getByRole('button', { name: `Show ${infos - 251} more info` }).click()
  await expect(info.locator('li[data-rule]')).toHaveCount(infos)
  await expect(findings(page).getByText(/ of \d+ shown/)).toHaveCount(0)
})

test('a finding\'s source takes one line, in full as its tooltip, until the finding is selected', async ({ page }) => {
  await openFresh(page)
  await openTemplate(page, TEMPLATE)
  const item = findingItems(page, 'host-vss-backup-excludes-passthrough').first()
  const source = item.locator('.finding-source')
  const lineHeight = await source.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight) || 16)
  const full = all.find((f) => f.rule === 'host-vss-backup-excludes-passthrough')!.source
  await expect(source).toHaveText(full)
  await expect(source).toHaveAttribute('title', full)
  expect((await source.boundingBox())!.height).toBeLessThan(lineHeight * 1.5)
  await item.click()
  await expect(item).toHaveAttribute('aria-current', 'true')
  await expect.poll(async () => (await source.boundingBox())!.height).toBeGreaterThan(lineHeight * 1.5)
})

test('a finding links the Microsoft documents its source names; opening one keeps the selection and the view', async ({ page, context }) => {
  await openFresh(page)
  await openTemplate(page, TEMPLATE)
  const withPolicy = all.find((f) => f.source.includes('cc794548'))!
  const row = findingItems(page).and(page.locator(`[data-rule="${withPolicy.rule}"][data-subject="${withPolicy.subject}"]`)).first()
  const link = row.getByRole('link', { name: 'cc794548' })
  await expect(link).toHaveAttribute('href', 'https://learn.microsoft.com/previous-versions/office/exchange-server-2007-technical-articles/cc794548(v=exchg.80)')
  await expect(link).toHaveAttribute('target', '_blank')
  await expect(link).toHaveAttribute('rel', /noopener/)
  // Only the selected finding's links are Tab stops: the list stays one stop per finding.
  await expect(link).toHaveAttribute('tabindex', '-1')
  const view = await page.locator('.react-flow__viewport').getAttribute('style')
  // A stand-in serves the document (the test machine has no internet): the click opens a tab and does nothing else.
  await context.route('https://learn.microsoft.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>stub</title>' }))
  const [tab] = await Promise.all([context.waitForEvent('page'), link.click()])
  expect(tab.url()).toContain('cc794548')
  await tab.close()
  await expect(row).not.toHaveClass(/is-selected/)
  expect(await page.locator('.react-flow__viewport').getAttribute('style')).toBe(view)
  await row.click({ position: { x: 30, y: 10 } })
  await expect(row).toHaveClass(/is-selected/)
  await expect(row.getByRole('link', { name: 'cc794548' })).toHaveAttribute('tabindex', '0')
})

test('selecting an item elsewhere (here Find) scrolls its first finding into view in a long list, below the sticky heading', async ({ page }) => {
  const estate = generateEstate(40)
  // The VM whose first finding comes last in the list: out of view until the list follows the selection.
  const listed = validate(estate)
  const vmIds = new Set(estate.hosts.flatMap((host) => host.vms.map((vm) => vm.id)))
  const firstAt = new Map<string, number>()
  listed.forEach((finding, i) => { if (vmIds.has(finding.subject) && !firstAt.has(finding.subject)) firstAt.set(finding.subject, i) })
  const [vmId, at] = [...firstAt].sort((a, b) => b[1] - a[1])[0]!
  expect(at).toBeGreaterThan(100)
  const vmName = estate.hosts.flatMap((host) => host.vms).find((vm) => vm.id === vmId)!.name
  await openFresh(page)
  await importThroughChooser(page, { name: 'estate.json', mimeType: 'application/json', buffer: Buffer.from(savePlan(estate)) })
  const row = findings(page).locator(`li[data-subject="${vmId}"]`).first()
  await expect(row).not.toBeInViewport()
  const find = page.getByRole('combobox', { name: 'Find on canvas' })
  await find.fill(vmName)
  await page.getByRole('listbox', { name: 'Matches' }).getByRole('option').first().click()
  await expect(row).toHaveClass(/is-selected/)
  // Whole in the list (to the pixel), and not under its severity's sticky heading.
  const list = findings(page).locator('.findings-body')
  await expect.poll(async () => {
    const [outer, inner] = [await list.boundingBox(), await row.boundingBox()]
    return inner!.y + inner!.height <= outer!.y + outer!.height + 1
  }).toBe(true)
  const [head, box] = await Promise.all([findings(page).locator('.findings-group-head').last().boundingBox(), row.boundingBox()])
  expect(box!.y).toBeGreaterThanOrEqual(head!.y + head!.height - 1)
})
