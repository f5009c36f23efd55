import { expect, test, type Page } from '@playwright/test'
import { extractPlanText, isPng, loadPlanValue, savePlan } from '../../src/core/index.ts'
import { onePixelPng } from '../../src/core/io/io-test-fixtures.ts'
import { generateEstate } from '../../src/core/testing/estate.ts'
import { edit, soundPlan, vm } from '../../src/core/testing/plan-builder.ts'
import smallOffice from '../../src/templates/small-office.json' with { type: 'json' }
import {
  downloadFrom, dropFile, exportedJson, importThroughChooser, node, openFresh, openTemplate, pane, shownFindings, startNewPlan,
} from './helpers.ts'

test.beforeEach(async ({ page }) => {
  await openFresh(page)
})

const problems = (page: Page) => page.getByRole('dialog', { name: 'This file cannot be opened' })

/** How many pixels of the PNG have the CSS colour `rgb(r, g, b)` (give or take rounding), counted in the page. */
const pixelsOfColour = (page: Page, png: Buffer, colour: string) => page.evaluate(async ({ base64, colour }) => {
  const image = new Image()
  image.src = `data:image/png;base64,${base64}`
  await image.decode()
  const context = new OffscreenCanvas(image.width, image.height).getContext('2d')!
  context.drawImage(image, 0, 0)
  const data = context.getImageData(0, 0, image.width, image.height).data
  const [r, g, b] = colour.match(/\d+/g)!.map(Number)
  let count = 0
  for (let i = 0; i < data.length; i += 4) {
    if (Math.abs(data[i]! - r!) <= 2 && Math.abs(data[i + 1]! - g!) <= 2 && Math.abs(data[i + 2]! - b!) <= 2) count += 1
  }
  return count
}, { base64: png.toString('base64'), colour })

test('Export JSON, then Import through the file chooser, gives back the same plan byte for byte, as one undo step', async ({ page }) => {
  await openTemplate(page, 'Small office')
  const first = await downloadFrom(page, 'Export JSON')
  expect(first.name).toMatch(/^small-office.*\.json$/)
  const findingsBefore = await shownFindings(page)

  await startNewPlan(page)
  await importThroughChooser(page, { name: first.name, mimeType: 'application/json', buffer: first.bytes })
  await expect(node(page, 'host').first()).toBeVisible()
  // What was opened is said on screen: the plan's name, the file and what is in it.
  const saved = JSON.parse(first.bytes.toString('utf8')) as { name: string; hosts: { vms: unknown[] }[] }
  const vms = saved.hosts.reduce((sum, host) => sum + host.vms.length, 0)
  await expect(page.getByRole('status').filter({ hasText: 'Opened' })).toHaveText(
    `Opened "${saved.name}" from ${first.name}: ${saved.hosts.length} host${saved.hosts.length === 1 ? '' : 's'}, ${vms} VM${vms === 1 ? '' : 's'}. Undo goes back to the plan before.`)
  expect(await shownFindings(page)).toEqual(findingsBefore)
  expect(await exportedJson(page)).toBe(first.bytes.toString('utf8'))

  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(page.locator('[data-entity-id]')).toHaveCount(0)
})

test('an autosave without a layout opens laid out, so its export holds the places shown and comes back the same', async ({ page }) => {
  const plan = edit(soundPlan(), (d) => { d.layout = {} })
  await page.evaluate((text) => localStorage.setItem('vexplan.autosave', text), savePlan(plan))
  await page.reload()
  await expect(node(page, 'host').first()).toBeVisible()
  const first = await exportedJson(page)
  expect(Object.keys((JSON.parse(first) as { layout: object }).layout)).toContain('hv01')
  await startNewPlan(page)
  await importThroughChooser(page, { name: 'plan.json', mimeType: 'application/json', buffer: Buffer.from(first) })
  await expect(node(page, 'host').first()).toBeVisible()
  expect(await exportedJson(page)).toBe(first)
})

test('Export PNG draws the whole diagram with the plan inside; importing the PNG gives the plan back', async ({ page }) => {
  await openTemplate(page, 'Large organisation')
  const json = await exportedJson(page)

  const exported = downloadFrom(page, 'Export PNG')
  await expect(page.getByRole('status', { name: 'Export progress' })).toContainText('Exporting PNG…')
  const png = await exported
  await expect(page.getByRole('status', { name: 'Export progress' })).toBeEmpty()
  expect(png.name).toMatch(/^large-organisation.*\.png$/)
  const bytes = new Uint8Array(png.bytes)
  expect([...bytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10])
  expect(isPng(bytes)).toBe(true)
  // IHDR: the whole diagram at 2×, wider than the 1440-pixel window that shows only part of it.
  const view = new DataView(bytes.buffer, bytes.byteOffset)
  expect(view.getUint32(16)).toBeGreaterThan(1440)
  const embedded = await extractPlanText(bytes)
  expect(embedded).toEqual({ ok: true, value: json })
  // The nodes are drawn with the app's stylesheet: the colour of the hosts' header bands is in the picture.
  const hostHead = await node(page, 'host').first().locator('.node-head').evaluate((head) => getComputedStyle(head).backgroundColor)
  expect(await pixelsOfColour(page, png.bytes, hostHead)).toBeGreaterThan(10_000)

  await startNewPlan(page)
  await importThroughChooser(page, { name: png.name, mimeType: 'image/png', buffer: png.bytes })
  await expect(node(page, 'host').first()).toBeVisible()
  expect(await exportedJson(page)).toBe(json)
})

/** Records the diagrams the export draws (SVG images) as the page loads them; `drawnSvgs` reads them. */
const recordDrawnSvgs = (page: Page) => page.addInitScript(() => {
  const drawn: string[] = []
  ;(window as unknown as { drawnSvgs: string[] }).drawnSvgs = drawn
  const src = Object.getOwnPropertyDescriptor(HTMLImageElement.prototype, 'src')!
  Object.defineProperty(HTMLImageElement.prototype, 'src', {
    ...src,
    set(value: string) {
      if (value.startsWith('data:image/svg+xml')) drawn.push(decodeURIComponent(value.slice(value.indexOf(',') + 1)))
      src.set!.call(this, value)
    },
  })
})
const drawnSvgs = (page: Page) => page.evaluate(() => (window as unknown as { drawnSvgs: string[] }).drawnSvgs)

test('the PNG shows the design, not the editing aids: no connection handles, no "Drop … here" hints', async ({ page }) => {
  await recordDrawnSvgs(page)
  const plan = edit(soundPlan(), (d) => { d.hosts[0]!.vms.push(vm({ id: 'ex02', name: 'EX02', exchange: null })) })
  await page.evaluate((text) => localStorage.setItem('vexplan.autosave', text), savePlan(plan))
  await page.reload()
  await expect(page.getByText('Drop disks and roles here')).toBeVisible()
  await expect(page.locator('.react-flow__handle').first()).toBeAttached()
  // A selected disk: its ring and the line to what backs it are lit on the canvas.
  await node(page, 'virtual-disk', 'ex01-db').click()
  await expect(page.locator('.backing-edge.active').first()).toBeAttached()
  await downloadFrom(page, 'Export PNG')
  const svgs = await drawnSvgs(page)
  expect(svgs).toHaveLength(1)
  expect(svgs[0]).toContain('EX02')
  // The stylesheet inside names the classes; no element carries them.
  expect(svgs[0]).not.toMatch(/class="[^"]*react-flow__handle/)
  expect(svgs[0]).not.toMatch(/class="[^"]*node-hint/)
  expect(svgs[0]).not.toContain('Drop disks and roles here')
  expect(svgs[0]).not.toMatch(/class="[^"]*\bselected\b/)
  expect(svgs[0]).not.toMatch(/class="backing-edge active/)
  // The selection stays on the canvas and in the Inspector throughout.
  await expect(node(page, 'virtual-disk', 'ex01-db')).toHaveClass(/selected/)
})

test('the editor and its PNG are set in the bundled Inter: the picture carries the font files it needs', async ({ page }) => {
  await recordDrawnSvgs(page)
  await page.reload()
  await openTemplate(page, 'Small office')
  // The font comes with the app, not from the machine: Chromium on Linux would otherwise fall back to DejaVu Sans.
  expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/^"Inter Variable"/)
  await expect.poll(() => page.evaluate(() => [...document.fonts].some((face) => face.family === 'Inter Variable' && face.status === 'loaded'))).toBe(true)

  await downloadFrom(page, 'Export PNG')
  const [svg] = await drawnSvgs(page)
  // An SVG image loads nothing from outside: the Latin part of Inter is inside it as a data: URL,
  // and the parts for scripts the diagram does not use (Cyrillic, Greek, Vietnamese) are left out.
  const faces = svg!.match(/@font-face\s*\{[^}]*\}/g) ?? []
  expect(faces.length).toBeGreaterThanOrEqual(1)
  for (const face of faces) {
    expect(face).toContain('Inter Variable')
    expect(face).toMatch(/url\("data:font\/woff2;base64,[A-Za-z0-9+/]{1000}/)
    expect(face).not.toMatch(/U\+0?4[0-9A-F]{2}-/)
  }
  expect(svg).not.toMatch(/url\("?(https?:|\/)/)
})

test('a plan file dropped anywhere on the window opens', async ({ page }) => {
  const plan = loadPlanValue(smallOffice)
  if (!plan.ok) throw new Error('template must load')
  await dropFile(page, { name: 'office.json', type: 'application/json', text: savePlan(plan.value) })
  await expect(node(page, 'host').first()).toBeVisible()
  await expect(page.getByRole('button', { name: 'Undo' })).toBeEnabled()
})

test('of several files dropped at once, the first opens and the notice names the others', async ({ page }) => {
  const office = loadPlanValue(smallOffice)
  if (!office.ok) throw new Error('template must load')
  const file = (name: string, planName: string) => ({ name, type: 'application/json', text: savePlan({ ...office.value, name: planName }) })
  await dropFile(page, [file('a.json', 'Plan A'), file('b.json', 'Plan B'), file('c.json', 'Plan C')])
  await expect(page.getByRole('status').filter({ hasText: 'Opened "Plan A" from a.json' }))
    .toContainText('Only one plan opens at a time: b.json and c.json were not opened.')
  expect(JSON.parse(await exportedJson(page)).name).toBe('Plan A')
})

test('of several files dropped at once, the first that holds a plan opens, and the notice names those that could not be opened', async ({ page }) => {
  const office = loadPlanValue(smallOffice)
  if (!office.ok) throw new Error('template must load')
  await dropFile(page, [
    { name: 'broken.json', type: 'application/json', text: '{"format": "vexplan/plan",' },
    { name: 'b.json', type: 'application/json', text: savePlan({ ...office.value, name: 'Plan B' }) },
    { name: 'c.json', type: 'application/json', text: savePlan({ ...office.value, name: 'Plan C' }) },
  ])
  await expect(page.getByRole('status').filter({ hasText: 'Opened "Plan B" from b.json' }))
    .toContainText('broken.json could not be opened (it is not valid JSON at line 1, column 27: ')
  await expect(page.getByRole('status').filter({ hasText: 'Opened "Plan B" from b.json' })).toContainText('. Only one plan opens at a time: c.json was not opened.')
  expect(JSON.parse(await exportedJson(page)).name).toBe('Plan B')
  // None of them a plan: the problems of each are shown, each with its file's name.
  await dropFile(page, [{ name: 'x.json', type: 'application/json', text: '[]' }, { name: 'y.txt', type: 'text/plain', text: 'hello' }])
  const report = page.getByRole('dialog', { name: 'These files cannot be opened' })
  await expect(report).toContainText('x.json and y.txt could not be opened, so your current plan is unchanged.')
  await expect(report.getByRole('listitem')).toHaveCount(2)
  await expect(report.getByRole('listitem').first()).toContainText('x.json: (the whole file)')
  await expect(report.getByRole('listitem').last()).toContainText('y.txt: (the whole file)')
  await report.getByRole('button', { name: 'OK' }).click()
  expect(JSON.parse(await exportedJson(page)).name).toBe('Plan B')
})

test('files that are not plans are refused with their problems, and the current plan stays as it was', async ({ page }) => {
  await openTemplate(page, 'Small office')
  const before = await exportedJson(page)

  await importThroughChooser(page, { name: 'settings.json', mimeType: 'application/json', buffer: Buffer.from('{"theme":"dark"}') })
  await expect(problems(page)).toContainText('settings.json could not be opened, so your current plan is unchanged')
  await expect(problems(page).getByRole('listitem')).toContainText(['format is missing, not "vexplan/plan"'])
  await problems(page).getByRole('button', { name: 'OK' }).click()

  await importThroughChooser(page, { name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from(onePixelPng()) })
  await expect(problems(page)).toContainText('is a PNG without a vexplan plan inside')
  await problems(page).getByRole('button', { name: 'OK' }).click()

  // A misspelt value deep in the plan: its path, what is wrong, and the names of what it is in.
  const misspelt = JSON.parse(before)
  misspelt.hosts[0].vms[0].disks[0].kind = 'dynamc-vhd'
  await importThroughChooser(page, { name: 'misspelt.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(misspelt)) })
  const [hv] = misspelt.hosts
  await expect(problems(page).getByRole('listitem')).toHaveText([
    new RegExp(`^hosts\\[0\\]\\.vms\\[0\\]\\.disks\\[0\\]\\.kind must be one of .*\\(got "dynamc-vhd"\\) \\(in ${hv.name} › ${hv.vms[0].name} › ${hv.vms[0].disks[0].name}\\)$`),
  ])
  await problems(page).getByRole('button', { name: 'OK' }).click()

  await importThroughChooser(page, { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "vexplan/plan",') })
  await expect(problems(page)).toContainText('is not valid JSON')
  await problems(page).getByRole('button', { name: 'OK' }).click()

  expect(await exportedJson(page)).toBe(before)
})

test('a file over the size limit is refused before it is read', async ({ page }) => {
  await openTemplate(page, 'Small office')
  const before = await exportedJson(page)
  // 65 MB made in the page, dropped with a real DataTransfer: the limit is 64 MB.
  const dataTransfer = await page.evaluateHandle(() => {
    const transfer = new DataTransfer()
    transfer.items.add(new File([new Uint8Array(65 * 1024 * 1024)], 'huge.json', { type: 'application/json' }))
    return transfer
  })
  await pane(page).dispatchEvent('drop', { dataTransfer })
  await expect(problems(page)).toContainText('huge.json could not be opened')
  await expect(problems(page)).toContainText('is 65.0 MB; vexplan opens plans up to 64 MB')
  await problems(page).getByRole('button', { name: 'OK' }).click()
  expect(await exportedJson(page)).toBe(before)
})

test('Export report downloads the findings as Markdown, named after the plan, with the design they are about', async ({ page }) => {
  await openTemplate(page, 'Seed article: two-disk host')
  const findings = await shownFindings(page)
  const report = await downloadFrom(page, 'Export report')
  expect(report.name).toMatch(/^seed-article.*-findings\.md$/)
  const text = report.bytes.toString('utf8')
  expect(text).toContain('| Severity | Rule | Subject | Message | Fix | Source |')
  expect(text.split('\n').filter((line) => /^\| (Error|Warning|Info) \|/.test(line))).toHaveLength(findings.length)
  // Then the design they are about, for a reader without vexplan.
  expect(text).toContain('## The design checked')
  expect(text).toMatch(/^\| EX01 \| VM on HV01 \| Windows Server 2008 x64 \| 2 vCPUs \| 4 GB \| Exchange Server 2007 SP1: Mailbox, Client Access, Hub Transport \|/m)
})

test('Export PNG includes the parts of a big diagram that are scrolled out of view', async ({ page }) => {
  test.setTimeout(180_000)
  // 60 VMs: about 440 canvas nodes, just over the line above which only the nodes in view are rendered.
  const plan = generateEstate(60)
  await page.evaluate((text) => localStorage.setItem('vexplan.autosave', text), savePlan(plan))
  await page.reload()
  const hosts = plan.hosts.length
  await expect(node(page, 'host')).toHaveCount(hosts)
  for (let i = 0; i < 10; i++) await page.getByRole('button', { name: 'Zoom In' }).click()
  await expect.poll(() => node(page, 'host').count()).toBeLessThan(hosts)
  const exported = downloadFrom(page, 'Export PNG')
  await expect(page.getByRole('status', { name: 'Export progress' })).toContainText('Exporting PNG…')
  // While the picture is taken every host is on the page, not only those in view.
  await expect(node(page, 'host')).toHaveCount(hosts)
  const png = await exported
  expect(isPng(new Uint8Array(png.bytes))).toBe(true)
})

test('a download and a new plan are said to a screen reader, not only shown', async ({ page }) => {
  await openFresh(page)
  await openTemplate(page, 'Small office')
  const announcer = page.getByTestId('announcer')
  const json = await downloadFrom(page, 'Export JSON')
  await expect(announcer).toHaveText(`Downloaded ${json.name}`)
  const report = await downloadFrom(page, 'Export report')
  await expect(announcer).toHaveText(`Downloaded ${report.name}`)
  await startNewPlan(page)
  await expect(announcer).toHaveText('Started a new, empty plan')
})
