/**
 * What a designer's review of the editor found at common window sizes: Inspector choices cut
 * mid-word, VM facts cut, a toolbar that shifted with its counts, a notice gone before it could be
 * read, a selected finding half under its heading, and plan counts broken apart.
 */
import { expect, test, type Locator, type Page } from '@playwright/test'
import { findings, inspector, node, openFresh, openTemplate } from './helpers.ts'

/** How wide a select must be to show its chosen option whole (its text, padding and arrow), and how wide it is. */
const selectRoom = (select: Locator) => select.evaluate((element: HTMLSelectElement) => {
  const style = getComputedStyle(element)
  const context = document.createElement('canvas').getContext('2d')!
  context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`
  const text = element.selectedOptions[0]?.text ?? ''
  return { text, needed: context.measureText(text).width + parseFloat(style.paddingLeft) + 20, width: element.clientWidth }
})

const selectByHeader = async (page: Page, kind: string, id: string) => {
  await node(page, kind, id).locator('.node-head').first().click()
}

test.describe('at 1920 × 1080', () => {
  test.use({ viewport: { width: 1920, height: 1080 } })

  test('the Inspector shows a host\'s hypervisor and a disk\'s backing whole', async ({ page }) => {
    await openFresh(page)
    await openTemplate(page, 'Exchange 2019 DAG on Hyper-V')
    await selectByHeader(page, 'host', 'hv01')
    const hypervisor = await selectRoom(inspector(page).getByLabel('Hypervisor', { exact: true }))
    expect(hypervisor.text).toBe('Windows Server 2019 Hyper-V')
    expect(hypervisor.needed).toBeLessThanOrEqual(hypervisor.width)
    await openTemplate(page, 'Small office')
    await node(page, 'virtual-disk', 'ex01-db').click()
    const backing = await selectRoom(inspector(page).getByLabel('Backing host disk'))
    expect(backing.text).toBe('Disk 3 (RAID 5, databases) · 438 GB')
    expect(backing.needed).toBeLessThanOrEqual(backing.width)
  })
})

test.describe('at 1024 × 768', () => {
  test.use({ viewport: { width: 1024, height: 768 } })

  test('the toolbar keeps its place as the counts change, and the plan\'s counts break only between parts', async ({ page }) => {
    await openFresh(page)
    const counts = inspector(page).locator('.insp-derived .nowrap')
    await expect(counts).toHaveText(['0 hosts', '0 virtual machines', '0 storage arrays'])
    for (const part of await counts.all()) expect(await part.evaluate((element) => element.getClientRects().length)).toBe(1)
    await openTemplate(page, 'Small office')
    const newPlan = page.getByRole('button', { name: 'New plan' })
    const before = (await newPlan.boundingBox())!.x
    const errors = page.getByTitle('Errors: Microsoft does not support it')
    const errorsBefore = await errors.textContent()
    await selectByHeader(page, 'vm', 'ex01')
    await inspector(page).getByLabel('Dynamic memory / memory overcommit').check()
    await expect(errors).not.toHaveText(errorsBefore!)
    expect((await newPlan.boundingBox())!.x).toBeCloseTo(before, 0)
  })

  test('a selected finding taller than the room under its heading shows from its first line', async ({ page }) => {
    await openFresh(page)
    await openTemplate(page, 'Small office')
    for (const [kind, id] of [['vm', 'ex01'], ['host', 'hv01'], ['vm', 'ex01']] as const) await selectByHeader(page, kind, id)
    const list = findings(page).locator('.findings-body')
    const row = findings(page).locator('li.finding.is-selected').first()
    await expect(row).toBeVisible()
    expect((await row.boundingBox())!.height).toBeGreaterThan((await list.boundingBox())!.height - 36)
    await expect.poll(async () => {
      const [outer, inner] = [(await list.boundingBox())!, (await row.boundingBox())!]
      // The severity's sticky heading: the one whose bottom is nearest the list's top.
      const heads = await list.locator('.findings-group-head').evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect().bottom))
      const head = Math.max(...heads.filter((bottom) => bottom <= outer.y + 60))
      // The row's first line shows below the heading, whatever the row's height.
      return inner.y >= head - 0.5 && inner.y < head + 8
    }).toBe(true)
  })
})

test('a VM shows dynamic memory and snapshots on a line of their own, whole', async ({ page }) => {
  await openFresh(page)
  await openTemplate(page, 'Small office')
  await selectByHeader(page, 'vm', 'ex01')
  await inspector(page).getByLabel('Dynamic memory / memory overcommit').check()
  await inspector(page).getByLabel('Snapshots').fill('2')
  await inspector(page).getByLabel('Snapshots').press('Enter')
  const facts = node(page, 'vm', 'ex01').locator('.node-facts > span')
  await expect(facts).toHaveText(['2 vCPU · 8 GB', 'dynamic · 2 snapshots'])
  await expect(facts.nth(1)).toHaveAttribute('title', 'Dynamic memory, 2 snapshots')
  for (const fact of await facts.all()) expect(await fact.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true)
})

test('a notice under the pointer stays up until the pointer leaves it', async ({ page }) => {
  await openFresh(page)
  await openTemplate(page, 'Small office')
  const arrange = page.getByRole('button', { name: 'Arrange the diagram' })
  await arrange.click()
  await arrange.click()
  const notice = page.locator('.notice').filter({ hasText: 'The diagram is already arranged: nothing moved.' })
  await expect(notice).toBeVisible()
  await notice.hover()
  // Longer than the four seconds a notice of seven words shows.
  await page.waitForTimeout(5_000)
  await expect(notice).toBeVisible()
  await page.mouse.move(5, 700)
  await expect(notice).toBeHidden({ timeout: 4_000 })
})
