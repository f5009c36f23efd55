import { expect, test } from '@playwright/test'
import { loadPlanValue, validate } from '../../src/core/index.ts'
import exchange2019Dag from '../../src/templates/exchange-2019-dag.json' with { type: 'json' }
import largeOrg from '../../src/templates/large-organisation.json' with { type: 'json' }
import seedImproved from '../../src/templates/seed-improved.json' with { type: 'json' }
import seedReference from '../../src/templates/seed-reference.json' with { type: 'json' }
import smallOffice from '../../src/templates/small-office.json' with { type: 'json' }
import { findingItems, openFresh, openTemplate } from './helpers.ts'

const TEMPLATES = [
  ['Seed article: two-disk host', seedReference],
  ['Seed article, improved', seedImproved],
  ['Small office', smallOffice],
  ['Large organisation', largeOrg],
  ['Exchange 2019 DAG on Hyper-V', exchange2019Dag],
] as const

for (const [name, json] of TEMPLATES) {
  test(`template "${name}" opens with the findings the core gives for it`, async ({ page }) => {
    const loaded = loadPlanValue(json)
    if (!loaded.ok) throw new Error('template must load')
    const expected = validate(loaded.value).map((f) => `${f.severity} ${f.rule} ${f.subject}`)
    await openFresh(page)
    await openTemplate(page, name)
    await expect(findingItems(page)).toHaveCount(expected.length)
    const shown = await findingItems(page).evaluateAll((items) => items.map((li) => `${li.getAttribute('data-severity')} ${li.getAttribute('data-rule')} ${li.getAttribute('data-subject')}`))
    expect(shown).toEqual(expected)
    for (const host of loaded.value.hosts) await expect(page.locator(`[data-kind="host"][data-entity-id="${host.id}"]`)).toBeVisible()
  })
}

test('another plan opened starts its findings at the top', async ({ page }) => {
  await openFresh(page)
  await openTemplate(page, 'Seed article: two-disk host')
  const list = page.getByRole('region', { name: 'Findings' }).locator('.findings-body')
  await list.evaluate((el) => { el.scrollTop = el.scrollHeight })
  expect(await list.evaluate((el) => el.scrollTop)).toBeGreaterThan(0)
  await openTemplate(page, 'Large organisation')
  await expect.poll(() => list.evaluate((el) => el.scrollTop)).toBe(0)
})

test('the Templates dialog shows every template whole on a 1440 × 900 screen, none cut at its bottom edge', async ({ page }) => {
  await openFresh(page)
  await page.getByRole('button', { name: 'Templates' }).click()
  const dialog = page.getByRole('dialog', { name: 'Templates' })
  const body = (await dialog.locator('.dialog-body').boundingBox())!
  for (const [name] of TEMPLATES) {
    const card = (await dialog.getByRole('listitem').filter({ hasText: name }).boundingBox())!
    expect(card.y + card.height, name).toBeLessThanOrEqual(body.y + body.height + 0.5)
  }
})

test('two hosts that share no storage open one above the other in a tall canvas, large enough to read', async ({ page }) => {
  await openFresh(page)
  await openTemplate(page, 'Exchange 2019 DAG on Hyper-V')
  const zoom = () => page.locator('.react-flow__viewport').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a)
  // Side by side, fitting the two hosts into this window took the zoom down to 47 %.
  await expect.poll(zoom).toBeGreaterThan(0.65)
  const box = (id: string) => page.locator(`[data-kind="host"][data-entity-id="${id}"]`).boundingBox()
  const [hv01, hv02] = [(await box('hv01'))!, (await box('hv02'))!]
  expect(hv02.y).toBeGreaterThan(hv01.y + hv01.height)
  expect(Math.abs(hv02.x - hv01.x)).toBeLessThan(1)
  const pane = (await page.locator('.react-flow').boundingBox())!
  for (const host of [hv01, hv02]) {
    expect(host.y).toBeGreaterThanOrEqual(pane.y)
    expect(host.y + host.height).toBeLessThanOrEqual(pane.y + pane.height)
  }
})

test('the layout engine loads as the Templates dialog or Import opens, not after a plan without a layout is chosen', async ({ page }) => {
  await openFresh(page)
  const elk = /elk[^/]*bundled/
  let loaded = page.waitForRequest(elk)
  await page.getByRole('button', { name: 'Templates' }).click()
  await loaded
  // Loaded once: Import, in a page that has not loaded it, starts it too.
  await page.reload()
  loaded = page.waitForRequest(elk)
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Import' }).click()
  await chooser
  await loaded
})
