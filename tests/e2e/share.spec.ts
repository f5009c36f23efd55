import { expect, test, type Browser, type Page } from '@playwright/test'
import { encodeShareFragment, loadPlanValue, savePlan } from '../../src/core/index.ts'
import { generateEstate } from '../../src/core/testing/estate.ts'
import smallOffice from '../../src/templates/small-office.json' with { type: 'json' }
import { exportedJson, importThroughChooser, inspector, node, openFresh, openTemplate, shownFindings } from './helpers.ts'

const AUTOSAVE = 'vexplan.autosave'
const office = loadPlanValue(smallOffice)
if (!office.ok) throw new Error('template must load')
/** The second person's own work, as autosave would have stored it: laid out, as the editor always saves a plan. */
const OWN_PLAN = savePlan({
  ...office.value, name: 'My own plan',
  layout: Object.fromEntries([...office.value.hosts, ...office.value.storage].map((entity, i) => [entity.id, { x: i * 900, y: 0 }])),
})

test.use({ permissions: ['clipboard-read', 'clipboard-write'] })

/** Copies a share link for the Large organisation template; returns it with the plan file and findings. */
async function shareLargeOrganisation(page: Page) {
  await openFresh(page)
  await openTemplate(page, 'Large organisation')
  const json = await exportedJson(page)
  const findings = await shownFindings(page)
  await page.getByRole('button', { name: 'Copy share link' }).click()
  const dialog = page.getByRole('dialog', { name: 'Share link copied' })
  await expect(dialog).toContainText('Copied to the clipboard')
  const link = await page.evaluate(() => navigator.clipboard.readText())
  expect(link).toMatch(/^http:\/\/localhost:4173\/#p=[\w-]+$/)
  await expect(dialog.getByRole('textbox', { name: 'Share link' })).toHaveValue(link)
  await expect(dialog).toContainText(`${link.length.toLocaleString('en-US')} characters`)
  await expect(dialog.getByRole('alert')).toHaveCount(0)
  // The link box shows whole lines only: no half line cut at its bottom edge.
  const lines = await dialog.getByRole('textbox', { name: 'Share link' }).evaluate((box) => {
    const style = getComputedStyle(box)
    return (box.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom)) / parseFloat(style.lineHeight)
  })
  expect(Math.abs(lines - 3)).toBeLessThan(0.05)
  await dialog.getByRole('button', { name: 'Done' }).click()
  return { link, json, findings }
}

/** A new browser context (another person) whose own plan is already autosaved. */
async function otherPerson(browser: Browser) {
  const context = await browser.newContext()
  const setup = await context.newPage()
  await setup.goto('/')
  await setup.evaluate(({ key, value }) => localStorage.setItem(key, value), { key: AUTOSAVE, value: OWN_PLAN })
  await setup.close()
  const saved = async (page: Page) => page.evaluate((key) => localStorage.getItem(key), AUTOSAVE)
  return { context, saved }
}

const banner = (page: Page) => page.getByRole('region', { name: 'Opened from a link' })

test('a share link opens the same plan and findings in another browser, and leaves its own work alone until kept', async ({ page, browser }) => {
  const shared = await shareLargeOrganisation(page)
  const { context, saved } = await otherPerson(browser)
  const other = await context.newPage()
  await other.goto(shared.link)

  await expect(banner(other)).toContainText('Opened from a link')
  // The address still names what the page shows: the link, for a reload or a bookmark.
  expect(other.url()).toBe(shared.link)
  await expect(node(other, 'host')).toHaveCount(5)
  expect(await shownFindings(other)).toEqual(shared.findings)
  expect(await exportedJson(other)).toBe(shared.json)

  // Edits to the shared plan are not autosaved over the user's own work.
  await inspector(other).getByLabel('Plan name').fill('Edited shared plan')
  await other.waitForTimeout(600)
  expect(await saved(other)).toBe(OWN_PLAN)

  await banner(other).getByRole('button', { name: 'Keep as my plan' }).click()
  await expect(banner(other)).toHaveCount(0)
  // Kept, it is the user's own plan: the link leaves the address, and a reload opens it as theirs.
  await expect(other).toHaveURL('http://localhost:4173/')
  await expect.poll(() => saved(other)).toContain('"name": "Edited shared plan"')
  // Keeping is one more step in the history: Undo walks back over the edit to the plan the user had.
  await other.getByRole('button', { name: 'Undo' }).click()
  await other.getByRole('button', { name: 'Undo' }).click()
  await expect.poll(() => saved(other)).toBe(OWN_PLAN)
  await other.getByRole('button', { name: 'Redo' }).click()
  await other.getByRole('button', { name: 'Redo' }).click()
  await expect(inspector(other).getByLabel('Plan name')).toHaveValue('Edited shared plan')
  await other.waitForTimeout(600)
  await other.reload()
  await expect(inspector(other).getByLabel('Plan name')).toHaveValue('Edited shared plan')
  await context.close()
})

test('a reload shows a linked plan again; Discard, or Back, goes back to the user’s own plan, and Forward to the link', async ({ page, browser }) => {
  const shared = await shareLargeOrganisation(page)
  const { context, saved } = await otherPerson(browser)
  const other = await context.newPage()

  await other.goto(shared.link)
  await expect(banner(other)).toBeVisible()
  await other.reload()
  await expect(banner(other)).toBeVisible()
  await expect(node(other, 'host')).toHaveCount(5)
  expect(other.url()).toBe(shared.link)

  await banner(other).getByRole('button', { name: 'Discard' }).click()
  await expect(banner(other)).toHaveCount(0)
  await expect(inspector(other).getByLabel('Plan name')).toHaveValue('My own plan')
  await expect(node(other, 'host')).toHaveCount(1)
  await expect(other).toHaveURL('http://localhost:4173/')
  await other.reload()
  await expect(inspector(other).getByLabel('Plan name')).toHaveValue('My own plan')

  // The link pasted into the address bar of the open app: Back goes to the user's own plan, Forward to the link's.
  await other.evaluate((link) => { location.href = link }, shared.link)
  await expect(banner(other)).toBeVisible()
  await expect(node(other, 'host')).toHaveCount(5)
  await other.goBack()
  await expect(banner(other)).toHaveCount(0)
  await expect(inspector(other).getByLabel('Plan name')).toHaveValue('My own plan')
  await expect(node(other, 'host')).toHaveCount(1)
  await other.goForward()
  await expect(banner(other)).toBeVisible()
  await expect(node(other, 'host')).toHaveCount(5)
  expect(await saved(other)).toBe(OWN_PLAN)
  await context.close()
})

test('a link whose "=" a mail or chat tool percent-encoded opens the same plan', async ({ page, browser }) => {
  const shared = await shareLargeOrganisation(page)
  const { context } = await otherPerson(browser)
  const other = await context.newPage()
  await other.goto(shared.link.replace('#p=', '#p%3D'))
  await expect(banner(other)).toBeVisible()
  await expect(node(other, 'host')).toHaveCount(5)
  expect(await exportedJson(other)).toBe(shared.json)
  await context.close()
})

test('a plan the user saves in another tab while a link is shown is the one Discard brings back: no older copy is written over it', async ({ page, browser }) => {
  const shared = await shareLargeOrganisation(page)
  const { context, saved } = await otherPerson(browser)
  const own = await context.newPage()
  await own.goto('/')
  await expect(inspector(own).getByLabel('Plan name')).toHaveValue('My own plan')
  const linked = await context.newPage()
  await linked.goto(shared.link)
  await expect(banner(linked)).toBeVisible()

  // The user carries on with their own plan in the first tab; it is autosaved.
  await inspector(own).getByLabel('Plan name').fill('My own plan, newer')
  await inspector(own).getByLabel('Plan name').press('Enter')
  await expect.poll(() => saved(own)).toContain('"name": "My own plan, newer"')
  const newer = await saved(own)
  await expect(linked.getByRole('status').filter({ hasText: 'Another vexplan tab has saved' }))
    .toContainText('Another vexplan tab has saved "My own plan, newer" as your plan in this browser: Discard, or Back, brings that plan back here.')

  await banner(linked).getByRole('button', { name: 'Discard' }).click()
  await expect(inspector(linked).getByLabel('Plan name')).toHaveValue('My own plan, newer')
  await linked.waitForTimeout(600)
  expect(await saved(linked)).toBe(newer)
  // The first tab is not told that another tab replaced its plan: nothing did.
  await expect(own.getByRole('status').filter({ hasText: 'Another vexplan tab has saved' })).toHaveCount(0)
  await context.close()
})

test('New plan or Import over a linked plan says it replaces the user\'s own saved plan, by name, and Undo brings that plan back', async ({ page, browser }) => {
  const shared = await shareLargeOrganisation(page)
  const { context, saved } = await otherPerson(browser)
  const other = await context.newPage()
  await other.goto(shared.link)
  await expect(banner(other)).toBeVisible()

  await other.getByRole('button', { name: 'New plan' }).click()
  await expect(other.getByRole('dialog', { name: 'Start a new plan?' })).toContainText(
    `Your own plan “My own plan”, saved in this browser, will be replaced by an empty one, and “${JSON.parse(shared.json).name as string}”, opened from a link, is not kept.`)
  await other.getByRole('button', { name: 'Cancel' }).click()

  await importThroughChooser(other, { name: 'office.json', mimeType: 'application/json', buffer: Buffer.from(savePlan({ ...office.value, name: 'Imported plan' })) })
  await expect(other.getByRole('status').filter({ hasText: 'Opened "Imported plan" from office.json' }))
    .toContainText('It takes the place of your own plan "My own plan" in this browser; Undo brings that plan back.')
  await expect.poll(() => saved(other)).toContain('"name": "Imported plan"')
  await other.getByRole('button', { name: 'Undo' }).click()
  await expect(inspector(other).getByLabel('Plan name')).toHaveValue('My own plan')
  await expect.poll(() => saved(other)).toBe(OWN_PLAN)
  await context.close()
})

test('leaving an edited linked plan that was not kept asks first, and Back keeps its edits', async ({ page, browser }) => {
  const shared = await shareLargeOrganisation(page)
  const { context, saved } = await otherPerson(browser)
  const other = await context.newPage()
  await other.goto('/')
  await expect(inspector(other).getByLabel('Plan name')).toHaveValue('My own plan')
  await other.evaluate((link) => { location.href = link }, shared.link)
  await expect(banner(other)).toBeVisible()
  await inspector(other).getByLabel('Plan name').fill('Edited shared plan')
  await inspector(other).getByLabel('Plan name').press('Enter')
  // Back does not throw the edits away: the plan stays, and the user is told how to keep or drop it.
  await other.goBack()
  await expect(other.getByRole('status').filter({ hasText: 'has changes that are not saved, so it is still open' })).toBeVisible()
  await expect(inspector(other).getByLabel('Plan name')).toHaveValue('Edited shared plan')
  await expect(banner(other)).toBeVisible()
  // Nor does Forward, to the link that opened it.
  await other.goForward()
  await expect(banner(other)).toBeVisible()
  await expect(inspector(other).getByLabel('Plan name')).toHaveValue('Edited shared plan')
  const asked: string[] = []
  other.on('dialog', (dialog) => { asked.push(dialog.type()); void dialog.accept() })
  await other.reload()
  expect(asked).toEqual(['beforeunload'])
  // The address is the link: the reload opens it as it was sent, and the user's own plan is still safe.
  await expect(banner(other)).toBeVisible()
  await expect(inspector(other).getByLabel('Plan name')).toHaveValue(JSON.parse(shared.json).name as string)
  expect(await saved(other)).toBe(OWN_PLAN)
  await context.close()
})

test('a second link opened over an edited linked plan keeps that plan one Undo away, and says so', async ({ page, browser }) => {
  const shared = await shareLargeOrganisation(page)
  const second = `${new URL(shared.link).origin}/#${await encodeShareFragment({ ...office.value, name: 'Second shared plan' })}`
  const { context, saved } = await otherPerson(browser)
  const other = await context.newPage()
  await other.goto(shared.link)
  await expect(banner(other)).toBeVisible()
  await inspector(other).getByLabel('Plan name').fill('Edited shared plan')
  await inspector(other).getByLabel('Plan name').press('Enter')
  // A second link pasted into the address bar of the same tab.
  await other.evaluate((link) => { location.href = link }, second)
  await expect(inspector(other).getByLabel('Plan name')).toHaveValue('Second shared plan')
  await expect(other.getByRole('status').filter({ hasText: 'Your changes to "Edited shared plan", opened from the link before, are not saved in this browser: Undo brings that plan back.' })).toBeVisible()
  await other.getByRole('button', { name: 'Undo' }).click()
  await expect(inspector(other).getByLabel('Plan name')).toHaveValue('Edited shared plan')
  await expect(banner(other)).toBeVisible()
  // The user's own plan is untouched, and Discard still brings it back.
  expect(await saved(other)).toBe(OWN_PLAN)
  await banner(other).getByRole('button', { name: 'Discard' }).click()
  await expect(inspector(other).getByLabel('Plan name')).toHaveValue('My own plan')
  await context.close()
})

test('a tampered or cut-off link says so and keeps the user’s own plan', async ({ page, browser }) => {
  const { link } = await shareLargeOrganisation(page)
  const { context, saved } = await otherPerson(browser)
  const at = link.indexOf('#p=') + 40
  const tampered = `${link.slice(0, at)}${link[at] === 'A' ? 'B' : 'A'}${link.slice(at + 1)}`
  for (const bad of [tampered, link.slice(0, -30)]) {
    const other = await context.newPage()
    await other.goto(bad)
    const dialog = other.getByRole('dialog', { name: 'This link cannot be opened' })
    await expect(dialog).toContainText('The shared link could not be opened, so your current plan is unchanged')
    await expect(dialog).toContainText('(the link) is damaged or incomplete')
    await dialog.getByRole('button', { name: 'OK' }).click()
    await expect(banner(other)).toHaveCount(0)
    await expect(inspector(other).getByLabel('Plan name')).toHaveValue('My own plan')
    expect(other.url()).toBe('http://localhost:4173/')
    expect(await saved(other)).toBe(OWN_PLAN)
    await other.close()
  }
  await context.close()
})

test('an address with a fragment that is no share link (an anchor) opens the user’s own plan, keeps the fragment, and says it holds no plan', async ({ browser }) => {
  const { context, saved } = await otherPerson(browser)
  const page = await context.newPage()
  await page.goto('/#top')
  await expect(inspector(page).getByLabel('Plan name')).toHaveValue('My own plan')
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await expect(banner(page)).toHaveCount(0)
  expect(page.url()).toBe('http://localhost:4173/#top')
  // Not a silent nothing: a link whose "p=" was cut off would otherwise look like it opened.
  await expect(page.getByRole('status').filter({ hasText: 'The address ends in "#top", which holds no plan' })).toBeVisible()
  // A link changed in the address bar to another anchor opens nothing either: this listener, added
  // after the app's, runs once the app's own has.
  await page.evaluate(() => new Promise<void>((resolve) => {
    window.addEventListener('hashchange', () => setTimeout(resolve, 100), { once: true })
    location.hash = 'section-2'
  }))
  await expect(page).toHaveURL('http://localhost:4173/#section-2')
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await expect(page.getByRole('status').filter({ hasText: 'The address ends in "#section-2", which holds no plan' })).toBeVisible()
  // Where the app does see a link, the same wait shows its dialog: the check above can fail.
  await page.evaluate(() => new Promise<void>((resolve) => {
    window.addEventListener('hashchange', () => setTimeout(resolve, 100), { once: true })
    location.hash = 'p=AAAA'
  }))
  await expect(page.getByRole('dialog', { name: 'This link cannot be opened' })).toBeVisible()
  await page.getByRole('dialog').getByRole('button', { name: 'OK' }).click()
  expect(await saved(page)).toBe(OWN_PLAN)
  await context.close()
})

/** 64 VMs whose names are random, so they do not compress: a link of about 10,000 characters. */
function hardToCompressEstate(): string {
  const plan = generateEstate(64)
  let seed = 7
  const word = () => Array.from({ length: 20 }, () => ((seed = (seed * 48271) % 2147483647) % 36).toString(36)).join('')
  for (const host of plan.hosts) {
    for (const vm of host.vms) {
      vm.name = word()
      for (const disk of vm.disks) disk.name = word()
    }
  }
  return savePlan(plan)
}

test('a long link is flagged, and can be copied again', async ({ page }) => {
  await openFresh(page)
  await importThroughChooser(page, { name: 'estate.json', mimeType: 'application/json', buffer: Buffer.from(hardToCompressEstate()) })
  // Laying out and drawing a 64-VM estate took over 10 s once, beside a PNG export in the other worker.
  await expect(node(page, 'host').first()).toBeVisible({ timeout: 30_000 })
  await page.getByRole('button', { name: 'Copy share link' }).click()
  const dialog = page.getByRole('dialog', { name: 'Share link copied' })
  await expect(dialog.getByRole('alert')).toContainText('Some chat tools and browsers cut links over 8,000 characters')
  const link = await dialog.getByRole('textbox', { name: 'Share link' }).inputValue()
  expect(link.length).toBeGreaterThan(8000)
  await page.evaluate(() => navigator.clipboard.writeText('something else'))
  await dialog.getByRole('button', { name: 'Copy again' }).click()
  await expect(dialog).toContainText('Copied again')
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link)
})

test('a linked plan edited in a browser with no plan of its own is kept and autosaved, so a reload keeps the edit', async ({ page, browser }) => {
  const shared = await shareLargeOrganisation(page)
  const context = await browser.newContext()
  const other = await context.newPage()
  await other.goto(shared.link)
  await expect(banner(other)).toBeVisible()
  await inspector(other).getByLabel('Plan name').fill('Edited shared plan')
  await inspector(other).getByLabel('Plan name').press('Enter')
  await expect(other.getByRole('status').filter({ hasText: 'you had no plan of your own here' })).toBeVisible()
  await expect(banner(other)).toHaveCount(0)
  // Kept: the link leaves the address, so a reload opens the plan as edited.
  await expect.poll(() => other.url()).toBe('http://localhost:4173/')
  await expect.poll(() => other.evaluate((key) => localStorage.getItem(key), AUTOSAVE)).toContain('Edited shared plan')
  await other.reload()
  await expect(inspector(other).getByLabel('Plan name')).toHaveValue('Edited shared plan')
  await context.close()
})
