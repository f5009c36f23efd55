import { readFile } from 'node:fs/promises'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { savePlan } from '../../src/core/index.ts'
import { edit, first, soundPlan } from '../../src/core/testing/plan-builder.ts'
import { dragFromPalette, exportedJson, findingItems, findings, importThroughChooser, inspector, node, openFresh, openTemplate, palette, pane } from './helpers.ts'

test.beforeEach(async ({ page }) => {
  await openFresh(page)
})

test('builds a plan from an empty canvas by dragging host, VM, disks and roles from the palette', async ({ page }) => {
  await dragFromPalette(page, 'Host', pane(page), { x: 120, y: 80 })
  const host = node(page, 'host').first()
  await expect(host).toBeVisible()
  await expect(node(page, 'parent-partition')).toHaveCount(1)
  await expect(host).toContainText('HV01')

  await dragFromPalette(page, 'Virtual machine', host)
  const vm = node(page, 'vm').first()
  await expect(vm).toBeVisible()
  const vmId = await vm.getAttribute('data-entity-id')

  await dragFromPalette(page, 'Fixed VHD', vm)
  await expect(node(page, 'virtual-disk')).toHaveCount(1)
  await dragFromPalette(page, 'Mailbox', vm)
  await expect(page.locator(`[data-kind="exchange-role"][data-entity-id="${vmId}"][data-role="mailbox"]`)).toBeVisible()
  await dragFromPalette(page, 'Physical disk', host)
  await expect(node(page, 'physical-disk')).toHaveCount(2)
  // A physical disk dropped on the VM goes to its host, and the notice says so and what a VM takes.
  await dragFromPalette(page, 'Physical disk', vm)
  await expect(node(page, 'physical-disk')).toHaveCount(3)
  await expect(page.getByRole('status').filter({ hasText: 'went into its host' })).toHaveText(
    `A virtual machine has only virtual disks, so the physical disk Disk 2 went into its host HV01. To give EX01 a whole disk, add a Pass-through disk to it.`)

  // the VM now runs Exchange: its disk is checked live
  await node(page, 'virtual-disk').first().click()
  await inspector(page).getByLabel('Disk kind').selectOption({ label: 'Dynamic VHD' })
  await expect(findingItems(page, 'dynamic-vhd-unsupported')).toHaveCount(1)
  await expect(node(page, 'virtual-disk').first()).toHaveClass(/worst-error/)
  await inspector(page).getByLabel('Disk kind').selectOption({ label: 'Fixed VHD' })
  await expect(findingItems(page, 'dynamic-vhd-unsupported')).toHaveCount(0)
})

test('the first host dropped on an empty canvas stays where it was dropped, as later ones do', async ({ page }) => {
  const area = (await pane(page).boundingBox())!
  await dragFromPalette(page, 'Host', pane(page), { x: 300, y: 200 })
  const host = node(page, 'host').first()
  await expect(host).toBeVisible()
  // Given time for any fit of the view to run: the host does not move from under the pointer.
  await page.waitForTimeout(700)
  const box = (await host.boundingBox())!
  // Its top left corner is where it was dropped (to the 8 px grid), and the view is as it was.
  expect(Math.abs(box.x - (area.x + 300))).toBeLessThanOrEqual(8)
  expect(Math.abs(box.y - (area.y + 200))).toBeLessThanOrEqual(8)
  expect(await page.evaluate(() => getComputedStyle(document.querySelector('.react-flow__viewport')!).transform)).toBe('matrix(1, 0, 0, 1, 0, 0)')
})

test('the message of a drop refused at the canvas\'s right edge stays over the canvas, clear of the Inspector', async ({ page }) => {
  const canvas = (await pane(page).boundingBox())!
  await dragFromPalette(page, 'Fixed VHD', pane(page), { x: canvas.width - 12, y: 120 })
  const notice = page.getByRole('status').filter({ hasText: 'goes into a virtual machine' }).locator('.notice')
  await expect(notice).toBeVisible()
  const box = (await notice.boundingBox())!
  const inspectorBox = (await inspector(page).boundingBox())!
  expect(box.x + box.width).toBeLessThanOrEqual(inspectorBox.x)
})

test('a drop where an item cannot go changes nothing and says why', async ({ page }) => {
  await dragFromPalette(page, 'Fixed VHD', pane(page), { x: 300, y: 200 })
  await expect(page.getByRole('status').filter({ hasText: 'goes into a virtual machine' })).toBeVisible()
  await expect(page.locator('[data-entity-id]')).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled()

  // By keyboard with nothing selected: where it goes, and what to do about it.
  await palette(page, 'Virtual machine').focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('status').filter({ hasText: 'A virtual machine goes into a host: select one on the canvas first, then add it again' })).toBeVisible()
  await expect(page.locator('[data-entity-id]')).toHaveCount(0)

  await dragFromPalette(page, 'Bare-metal server', pane(page), { x: 100, y: 100 })
  const server = node(page, 'host').first()
  await dragFromPalette(page, 'Virtual machine', server)
  await expect(page.getByRole('status').filter({ hasText: 'bare-metal server: it runs no VMs' })).toBeVisible()
  await expect(node(page, 'vm')).toHaveCount(0)
})

test('a drop on the find box or the overview map is refused there, and a refusal reads apart from a note on what changed', async ({ page }) => {
  await dragFromPalette(page, 'Host', pane(page), { x: 120, y: 140 })
  await expect(node(page, 'host')).toHaveCount(1)
  const before = await exportedJson(page)
  // The find box lies over the canvas: the item is not typed into it, nor dropped on what is beneath.
  const find = page.getByRole('combobox', { name: 'Find on canvas' })
  await dragFromPalette(page, 'Fixed VHD', find)
  const refused = page.getByRole('status').locator('.notice')
  await expect(refused).toHaveText('Nothing was added: drop the Fixed VHD on the diagram itself, not on the find box')
  await expect(refused).toHaveClass(/refused/)
  await expect(find).toHaveValue('')
  await dragFromPalette(page, 'Host', page.locator('.overview'))
  await expect(refused).toHaveText('Nothing was added: drop the Host on the diagram itself, not on the overview map')
  expect(await exportedJson(page)).toBe(before)

  // Accepted elsewhere than under the pointer: a note, drawn unlike a refusal.
  await dragFromPalette(page, 'Virtual machine', node(page, 'host').first())
  await dragFromPalette(page, 'Virtual machine', node(page, 'vm').first())
  const note = page.getByRole('status').locator('.notice')
  await expect(note).toContainText('A virtual machine runs on a host, not inside another one, so EX02 went into HV01')
  await expect(note).toHaveClass(/info/)
  const noteEdge = await note.evaluate((el) => getComputedStyle(el).borderLeftColor)
  await dragFromPalette(page, 'LUN', node(page, 'host').first())
  await expect(refused).toContainText('A LUN goes into a storage array, not into the host HV01')
  expect(await refused.evaluate((el) => getComputedStyle(el).borderLeftColor)).not.toBe(noteEdge)
})

test('an item accepted where Microsoft does not support it says so at once, not only by a badge', async ({ page }) => {
  await openTemplate(page, 'Seed article: two-disk host')
  const vm = node(page, 'vm', 'ex01')
  await dragFromPalette(page, 'Fixed VHDX', vm)
  const note = page.getByRole('status').locator('.notice')
  await expect(note).toContainText("Added, but Microsoft does not support this: EX01's disk Data 1 is a fixed VHDX, but Windows Server 2008 Hyper-V has no VHDX format")
  await expect(note).toHaveClass(/unsupported/)
  // Said over the canvas, clear of the VM it was dropped on, so the new disk shows.
  const [noteBox, diskBox] = [(await note.boundingBox())!, (await node(page, 'virtual-disk', 'ex01-data-1').boundingBox())!]
  expect(noteBox.y > diskBox.y + diskBox.height || noteBox.y + noteBox.height < diskBox.y || noteBox.x > diskBox.x + diskBox.width || noteBox.x + noteBox.width < diskBox.x).toBe(true)
  await expect(findingItems(page, 'fixed-vhd-size-limit')).toHaveAttribute('data-subject', 'ex01-data-1')
  await dragFromPalette(page, 'Unified Messaging', vm)
  await expect(note).toContainText('Added, but Microsoft does not support this: EX01 holds the Exchange 2007 Unified Messaging role')
  // A supported add says nothing more than the canvas shows.
  await page.getByRole('button', { name: 'Undo' }).click()
  await page.getByRole('button', { name: 'Undo' }).click()
  await dragFromPalette(page, 'Fixed VHD', vm)
  await expect(node(page, 'virtual-disk', 'ex01-data-1')).toBeVisible()
  await expect(note).toHaveCount(0)
})

test('a host, VM and role added to an Exchange 2019 design are of its versions, so adding them raises no error', async ({ page }) => {
  await openTemplate(page, 'Exchange 2019 DAG on Hyper-V')
  await expect(findings(page).locator('li[data-severity="error"]')).toHaveCount(0)
  const canvas = (await pane(page).boundingBox())!
  // Right of the two hosts, where the canvas is empty.
  await dragFromPalette(page, 'Host', pane(page), { x: canvas.width - 50, y: 300 })
  const added = node(page, 'host', 'hv03')
  await expect(added).toContainText('Windows Server 2019 Hyper-V')
  await dragFromPalette(page, 'Virtual machine', added)
  await dragFromPalette(page, 'Mailbox', node(page, 'vm', 'ex01'))
  await expect(node(page, 'vm', 'ex01')).toContainText('Exchange 2019')
  await expect(node(page, 'vm', 'ex01')).toContainText('Windows Server 2019')
  // Its one error is for what the architect has yet to decide (a backup, or a DAG seat), not for the versions.
  await expect(findings(page).locator('li[data-severity="error"]')).toHaveCount(1)
  await expect(findingItems(page, 'backup-must-be-exchange-aware')).toHaveAttribute('data-subject', 'ex01')
  // A role the version has no install for is added as the plan file may list it, and said at once.
  await dragFromPalette(page, 'Hub Transport', node(page, 'vm', 'ex01'))
  await expect(page.getByRole('status').locator('.notice')).toContainText('Added, with a note: EX01 lists Hub Transport, a role Exchange Server 2019 does not have')
  // Its chip is drawn as a listing, struck through, not as a role.
  await expect(page.locator('[data-kind="exchange-role"][data-entity-id="ex01"][data-role="hub-transport"]')).toHaveClass(/lacked/)
  await expect(page.locator('[data-kind="exchange-role"][data-entity-id="ex01"][data-role="mailbox"]')).not.toHaveClass(/lacked/)
})

test('undo and redo every edit, from the toolbar and the keyboard', async ({ page }) => {
  await dragFromPalette(page, 'Host', pane(page), { x: 100, y: 100 })
  await dragFromPalette(page, 'Virtual machine', node(page, 'host').first())
  await expect(node(page, 'vm')).toHaveCount(1)
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(node(page, 'vm')).toHaveCount(0)
  await page.getByRole('button', { name: 'Redo' }).click()
  await expect(node(page, 'vm')).toHaveCount(1)
  await pane(page).click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('Control+z')
  await expect(node(page, 'vm')).toHaveCount(0)
  await page.keyboard.press('Control+Shift+z')
  await expect(node(page, 'vm')).toHaveCount(1)
  // Delete removes the selection, undo brings it back
  await node(page, 'vm').first().click()
  await page.keyboard.press('Delete')
  await expect(node(page, 'vm')).toHaveCount(0)
  await page.keyboard.press('Control+z')
  await expect(node(page, 'vm')).toHaveCount(1)
})

test('reload restores the plan from autosave', async ({ page }) => {
  await dragFromPalette(page, 'Host', pane(page), { x: 100, y: 100 })
  await dragFromPalette(page, 'Virtual machine', node(page, 'host').first())
  await node(page, 'vm').first().click()
  const name = inspector(page).getByLabel('Name', { exact: true })
  await name.fill('MBX-A')
  await expect(node(page, 'vm').first()).toContainText('MBX-A')
  await page.waitForTimeout(400)
  await page.reload()
  await expect(node(page, 'vm').first()).toContainText('MBX-A')
  await expect(node(page, 'host')).toHaveCount(1)
})

test('a plan another tab saves is announced in this tab with the plan to download, so neither tab loses work unseen', async ({ page }) => {
  await dragFromPalette(page, 'Host', pane(page), { x: 100, y: 100 })
  const other = await page.context().newPage()
  await other.goto('/')
  await expect(node(other, 'host')).toHaveCount(1)
  await dragFromPalette(other, 'Virtual machine', node(other, 'host').first())
  await expect(node(other, 'vm')).toHaveCount(1)

  const notice = page.getByRole('status').filter({ hasText: 'Another vexplan tab has saved' })
  await expect(notice).toContainText('Your next change here will take its place: download it to keep it, or reload this tab to carry on with it.')
  const [download] = await Promise.all([page.waitForEvent('download'), notice.getByRole('button', { name: 'Download it' }).click()])
  const saved = JSON.parse(await readFile(await download.path(), 'utf8')) as { hosts: { vms: { name: string }[] }[] }
  expect(saved.hosts[0]!.vms.map((vm) => vm.name)).toEqual(['EX01'])
  await other.close()
})

test('a plan larger than the browser keeps as text is autosaved compressed and restored on reload', async ({ page }) => {
  // 6 million characters: more than the 5 million a browser keeps per site, as plain text.
  const plan = edit(soundPlan(), (d) => {
    d.name = 'Many agents'
    first(d).host.parent.applications = Array.from({ length: 60_000 }, (_, i) => ({ name: `Monitoring agent number ${i} of the parent partition`, kind: 'management' as const }))
  })
  const text = savePlan(plan)
  expect(text.length).toBeGreaterThan(5_000_000)
  await importThroughChooser(page, { name: 'many-agents.json', mimeType: 'application/json', buffer: Buffer.from(text) })
  await expect(page.locator('.plan-name')).toHaveText('Many agents', { timeout: 20_000 })
  await expect.poll(() => page.evaluate(() => localStorage.getItem('vexplan.autosave')?.slice(0, 17) ?? null), { timeout: 10_000 }).toBe('vexplan-deflated:')
  await page.reload()
  await expect(page.locator('.plan-name')).toHaveText('Many agents', { timeout: 20_000 })
  await expect(node(page, 'vm', 'ex01')).toBeVisible()
})

test('keyboard only: add a host, a VM in it and a disk in the VM', async ({ page }) => {
  const host = palette(page, 'Host')
  await host.focus()
  await page.keyboard.press('Enter')
  await expect(node(page, 'host')).toHaveCount(1)
  await palette(page, 'Virtual machine').focus()
  await page.keyboard.press('Enter')
  await expect(node(page, 'vm')).toHaveCount(1)
  await palette(page, 'Fixed VHD').focus()
  await page.keyboard.press('Enter')
  await expect(node(page, 'virtual-disk')).toHaveCount(1)
  // the disk went into the VM, which went into the host
  const vmId = await node(page, 'vm').first().getAttribute('data-entity-id')
  const diskBox = await node(page, 'virtual-disk').first().boundingBox()
  const vmBox = await page.locator(`[data-kind="vm"][data-entity-id="${vmId}"]`).boundingBox()
  expect(diskBox!.y).toBeGreaterThan(vmBox!.y)
  expect(diskBox!.y + diskBox!.height).toBeLessThanOrEqual(vmBox!.y + vmBox!.height + 1)
})

/** React Flow's focusable wrapper (the one Tab reaches) around the first canvas node of a kind. */
async function focusableNode(page: Page, kind: string): Promise<Locator> {
  const id = await node(page, kind).first().getAttribute('data-entity-id')
  return page.locator(`.react-flow__node[data-id="${id}"]`)
}

test('keyboard only: Enter on a focused canvas node selects it, so palette items go into it', async ({ page }) => {
  await palette(page, 'Host').focus()
  await page.keyboard.press('Enter')
  await palette(page, 'Virtual machine').focus()
  await page.keyboard.press('Enter')
  await expect(node(page, 'vm')).toHaveCount(1)
  // The VM is selected now; Tab to the host's node on the canvas and select it with Enter.
  const hostNode = await focusableNode(page, 'host')
  await hostNode.focus()
  await expect(hostNode).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(inspector(page).getByText('Host', { exact: true })).toBeVisible()
  await palette(page, 'Virtual machine').focus()
  await page.keyboard.press('Enter')
  await expect(node(page, 'vm')).toHaveCount(2)
  // Space selects too; arrow keys do not move a node away from where the plan's layout puts it.
  const vmNode = await focusableNode(page, 'vm')
  await vmNode.focus()
  await page.keyboard.press(' ')
  await expect(inspector(page).getByText('Virtual machine', { exact: true })).toBeVisible()
  const before = await vmNode.boundingBox()
  await page.keyboard.press('Shift+ArrowRight')
  await page.keyboard.press('Shift+ArrowDown')
  expect(await vmNode.boundingBox()).toEqual(before)
  // Delete removes the focused node, not the one selected before: select the host, focus a VM, Delete.
  await (await focusableNode(page, 'host')).focus()
  await page.keyboard.press('Enter')
  const vmToDelete = await focusableNode(page, 'vm')
  await vmToDelete.focus()
  await page.keyboard.press('Delete')
  await expect(node(page, 'vm')).toHaveCount(1)
  await expect(node(page, 'host')).toHaveCount(1)
  // Ctrl+Z works with the focus on a checkbox or a select of the inspector, too.
  await page.keyboard.press('Control+z')
  await expect(node(page, 'vm')).toHaveCount(2)
  await (await focusableNode(page, 'vm')).focus()
  await page.keyboard.press('Enter')
  const dynamicMemory = inspector(page).getByRole('checkbox').first()
  await dynamicMemory.focus()
  const wasChecked = await dynamicMemory.isChecked()
  await page.keyboard.press('Space')
  await expect(dynamicMemory).toBeChecked({ checked: !wasChecked })
  await page.keyboard.press('Control+z')
  await expect(inspector(page).getByRole('checkbox').first()).toBeChecked({ checked: wasChecked })
  // Ctrl+Z that takes away the very node with the focus (the add of a disk) leaves the focus in the app, on the canvas.
  await palette(page, 'Fixed VHD').focus()
  await page.keyboard.press('Enter')
  await expect(node(page, 'virtual-disk')).toHaveCount(1)
  const diskNode = await focusableNode(page, 'virtual-disk')
  await diskNode.focus()
  await page.keyboard.press('Control+z')
  await expect(node(page, 'virtual-disk')).toHaveCount(0)
  await expect(page.getByRole('application', { name: 'Plan diagram' })).toBeFocused()
})

test('New plan asks before discarding work', async ({ page }) => {
  await dragFromPalette(page, 'Host', pane(page), { x: 100, y: 100 })
  await page.getByRole('button', { name: 'New plan' }).click()
  const dialog = page.getByRole('dialog', { name: 'Start a new plan?' })
  await expect(dialog).toBeVisible()
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(node(page, 'host')).toHaveCount(1)
  await page.getByRole('button', { name: 'New plan' }).click()
  await page.getByRole('button', { name: 'Discard and start new' }).click()
  await expect(node(page, 'host')).toHaveCount(0)
  // On a plan that is already new, New plan adds no undo step: Undo goes back to the host.
  await page.getByRole('button', { name: 'New plan' }).click()
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(node(page, 'host')).toHaveCount(1)
})

test('a role its Exchange version does not have is noted under the roles, and the note goes with the role', async ({ page }) => {
  await openTemplate(page, 'Exchange 2019 DAG on Hyper-V')
  await node(page, 'vm', 'mbx01').click({ position: { x: 60, y: 12 } })
  const roles = inspector(page).getByRole('group', { name: 'Exchange roles' })
  const note = inspector(page).getByText(/^Exchange Server 2019 has no Client Access role: client access and transport run as services of the Mailbox role/)
  await expect(note).toHaveCount(0)
  await roles.getByRole('checkbox', { name: 'Client Access' }).click()
  await expect(note).toBeVisible()
  await roles.getByRole('checkbox', { name: 'Client Access' }).click()
  await expect(note).toHaveCount(0)
})

test('a cluster kind its Exchange version does not have, a DAG member of another version, and an edition its Windows Server does not have, are noted', async ({ page }) => {
  await openTemplate(page, 'Exchange 2019 DAG on Hyper-V')
  await node(page, 'vm', 'mbx01').click({ position: { x: 60, y: 12 } })
  /** The note is not there; choosing `wrong` brings it, choosing `right` again takes it away. */
  const noteFollows = async (select: string, note: string, wrong: string, right: string) => {
    const field = inspector(page).getByRole('combobox', { name: select })
    const shown = inspector(page).getByText(note)
    await expect(shown).toHaveCount(0)
    await field.selectOption(wrong)
    await expect(shown).toBeVisible()
    await field.selectOption(right)
    await expect(shown).toHaveCount(0)
  }
  await noteFollows('Cluster kind', 'Exchange Server 2019 has no CCR clusters: from Exchange Server 2010 on, database copies are kept in a DAG.', 'ccr', 'dag')
  // MBX02 is in the same DAG: one of another version is noted.
  await noteFollows('Version', 'DAG "dag1" also has MBX02 (Exchange Server 2019): the members of one cluster run one Exchange version.', '2016', '2019')
  // HV01 runs Windows Server 2019 Hyper-V: there is no Enterprise edition of it.
  await node(page, 'parent-partition', 'hv01').click()
  await noteFollows('Windows Server edition', 'HV01 runs Windows Server 2019 Hyper-V: Windows Server 2012 and later have no Enterprise edition; choose Standard or Datacenter.', 'enterprise', 'datacenter')
})

test('a refused inspector change says why, and the message goes once another change lands', async ({ page }) => {
  await dragFromPalette(page, 'Host', pane(page), { x: 100, y: 100 })
  await dragFromPalette(page, 'Virtual machine', node(page, 'host').first())
  await dragFromPalette(page, 'Mailbox', node(page, 'vm').first())
  await node(page, 'vm').first().click({ position: { x: 60, y: 12 } })
  const roles = inspector(page).getByRole('group', { name: 'Exchange roles' })
  await roles.getByRole('checkbox', { name: 'Mailbox' }).click()
  const refusal = inspector(page).getByText('It must keep at least one Exchange role: tick another one first, or remove Exchange below')
  await expect(refusal).toBeVisible()
  await expect(roles.getByRole('checkbox', { name: 'Mailbox' })).toBeChecked()
  await inspector(page).getByLabel('Virtual processors').fill('4')
  await inspector(page).getByLabel('Virtual processors').press('Enter')
  await expect(refusal).toHaveCount(0)
})

test('the inspector deletes what is selected; the Delete key does so only from the canvas', async ({ page }) => {
  await dragFromPalette(page, 'Host', pane(page), { x: 100, y: 100 })
  await dragFromPalette(page, 'Virtual machine', node(page, 'host').first())
  await dragFromPalette(page, 'Virtual machine', node(page, 'host').first())
  await expect(node(page, 'vm')).toHaveCount(2)
  // Delete pressed on a button elsewhere (the toolbar, the inspector's lists) is not about the VM.
  await node(page, 'vm').first().click({ position: { x: 60, y: 12 } })
  await page.getByRole('button', { name: 'Templates' }).focus()
  await page.keyboard.press('Delete')
  await expect(node(page, 'vm')).toHaveCount(2)
  // The inspector's button deletes the selection, as one undoable step, and the canvas keeps the focus.
  await inspector(page).getByRole('button', { name: 'Delete EX01' }).click()
  await expect(node(page, 'vm')).toHaveCount(1)
  await expect(page.locator('.react-flow')).toBeFocused()
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(node(page, 'vm')).toHaveCount(2)
})

test('duplicates a VM beside itself and a host beside itself, each as one undoable step', async ({ page }) => {
  await openTemplate(page, 'Seed article: two-disk host')
  await node(page, 'vm', 'ex01').click({ position: { x: 60, y: 12 } })
  await inspector(page).getByRole('button', { name: 'Duplicate EX01' }).click()
  // The copy sits on the same host, selected, with the original's disks and roles; its pass-through
  // disk is left for the original, so it waits to be connected.
  const copy = node(page, 'vm', 'ex02')
  await expect(copy).toContainText('EX02')
  await expect(node(page, 'virtual-disk', 'ex02-boot')).toContainText(/not connected/i)
  await expect(page.getByRole('status').filter({ hasText: "EX02's disk Boot (pass-through) is not connected: a pass-through or guest-attached disk belongs to one VM." })).toBeVisible()
  await expect(page.locator('[data-kind="exchange-role"][data-entity-id="ex02"]')).toHaveCount(3)
  await expect(inspector(page).getByLabel('Name', { exact: true })).toHaveValue('EX02')
  await expect(findingItems(page).and(page.locator('[data-subject="ex02"]')).first()).toBeVisible()

  // Ctrl+D on the canvas duplicates the selected host, to its right, with its disks and both VMs.
  await node(page, 'host', 'hv01').click({ position: { x: 40, y: 18 } })
  await page.keyboard.press('Control+d')
  const hostCopy = node(page, 'host', 'hv02')
  await expect(hostCopy).toContainText('HV02')
  await expect(node(page, 'vm', 'ex03')).toContainText('EX03')
  await expect(node(page, 'vm', 'ex04')).toContainText('EX04')
  await expect(node(page, 'vm')).toHaveCount(4)
  await expect(node(page, 'physical-disk')).toHaveCount(4)
  // The copy is shown whole (IntersectionObserver's ratio of a scaled node can fall short of 1 by float error), to the right of its original.
  await expect(hostCopy).toBeInViewport({ ratio: 0.999 })
  const [a, b] = [await node(page, 'host', 'hv01').boundingBox(), await hostCopy.boundingBox()]
  expect(b!.x).toBeGreaterThanOrEqual(a!.x + a!.width)
  await expect(page.getByText('Duplicated HV01 as HV02')).toBeAttached()
  // The keyboard focus went on to the copy with the selection: Delete now removes the copy, not HV01.
  await expect(page.locator('.react-flow__node[data-id="hv02"]')).toBeFocused()
  await page.keyboard.press('Delete')
  await expect(node(page, 'host', 'hv02')).toHaveCount(0)
  await expect(node(page, 'host', 'hv01')).toHaveCount(1)
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(node(page, 'host', 'hv02')).toHaveCount(1)
  // Undo says what it did, for a screen reader.
  await expect(page.getByText(/^Undone: host HV02 is back; \d+ more steps? can be undone\.$/)).toBeAttached()

  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(node(page, 'host')).toHaveCount(1)
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(node(page, 'vm')).toHaveCount(1)
})

test('Ctrl+D duplicates the node that has the keyboard focus, not one selected earlier, and Delete then removes the copy', async ({ page }) => {
  await openTemplate(page, 'Seed article: two-disk host')
  // HV01 selected by a click; then EX01 reached by Tab, which focuses it without selecting it.
  await node(page, 'host', 'hv01').click({ position: { x: 40, y: 18 } })
  await page.locator('.react-flow').focus()
  for (let i = 0; i < 10 && await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.id) !== 'ex01'; i++) await page.keyboard.press('Tab')
  await expect(page.locator('.react-flow__node[data-id="ex01"]')).toBeFocused()
  await page.keyboard.press('Control+d')
  await expect(node(page, 'vm', 'ex02')).toBeVisible()
  await expect(node(page, 'host')).toHaveCount(1)
  await expect(page.locator('.react-flow__node[data-id="ex02"]')).toBeFocused()
  await page.keyboard.press('Delete')
  await expect(node(page, 'vm', 'ex02')).toHaveCount(0)
  await expect(node(page, 'vm', 'ex01')).toHaveCount(1)
  await expect(node(page, 'host', 'hv01')).toHaveCount(1)
  // On a focused disk, Ctrl+D says what it duplicates and changes nothing.
  await page.locator('.react-flow__node[data-id="ex01-boot"]').focus()
  await page.keyboard.press('Control+d')
  await expect(page.getByRole('status').filter({ hasText: 'Select a virtual machine or a host to duplicate' })).toBeVisible()
  await expect(node(page, 'vm')).toHaveCount(1)
})

test('a copy of a CCR node stays out of the full cluster, and says so', async ({ page }) => {
  await openTemplate(page, 'Large organisation')
  await node(page, 'host', 'mbx01').click({ position: { x: 40, y: 18 } })
  await page.keyboard.press('Control+d')
  await expect(node(page, 'host', 'mbx03')).toContainText('MBX03')
  await expect(page.getByText('Duplicated MBX01 as MBX03')).toBeAttached()
  await expect(page.getByRole('status').filter({ hasText: 'MBX03 is in no cluster: CCR cluster mbx-ccr already has its 2 members.' })).toBeVisible()
  await node(page, 'parent-partition', 'mbx03').click()
  await expect(inspector(page).getByRole('combobox', { name: 'Cluster kind' })).toHaveValue('')
  // The original, out of view now that the canvas shows the copy, is found and brought back.
  await page.getByRole('combobox', { name: 'Find on canvas' }).fill('MBX01')
  await page.keyboard.press('Enter')
  await node(page, 'parent-partition', 'mbx01').click()
  await expect(inspector(page).getByRole('combobox', { name: 'Cluster kind' })).toHaveValue('ccr')
})

test('the inspector shows what the VMs take of a host\'s memory and cores, as the rules count it, and what uses a host disk', async ({ page }) => {
  await openTemplate(page, 'Seed article: two-disk host')
  const memory = inspector(page).getByRole('definition').filter({ hasText: 'of 8 GB' })
  await node(page, 'host', 'hv01').click({ position: { x: 40, y: 18 } })
  await expect(memory).toContainText('6 GB of 8 GB')
  await expect(inspector(page).getByRole('definition').filter({ hasText: 'per core' })).toContainText('4 on 4 cores (1 per core)')
  await node(page, 'vm', 'ex01').click({ position: { x: 60, y: 12 } })
  await inspector(page).getByLabel('RAM').fill('8')
  await inspector(page).getByLabel('RAM').press('Enter')
  await node(page, 'host', 'hv01').click({ position: { x: 40, y: 18 } })
  await expect(memory).toContainText('10 GB of 8 GB')
  await expect(memory).toHaveClass(/over/)
  await expect(findingItems(page, 'host-memory-not-overcommitted')).toHaveCount(1)
  // A host disk says what uses it.
  await node(page, 'physical-disk', 'hv01-disk2').click()
  await expect(inspector(page).getByRole('definition')).toHaveText("EX01's disk Boot (pass-through)")
})

test('the inspector opens a newly selected entity at its top', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await dragFromPalette(page, 'Host', pane(page), { x: 100, y: 100 })
  await dragFromPalette(page, 'Virtual machine', node(page, 'host').first())
  await node(page, 'vm').first().click({ position: { x: 60, y: 12 } })
  const body = inspector(page).locator('.panel-body')
  await body.evaluate((el) => { el.scrollTop = el.scrollHeight })
  expect(await body.evaluate((el) => el.scrollTop)).toBeGreaterThan(0)
  await node(page, 'host').first().click({ position: { x: 40, y: 18 } })
  await expect(inspector(page).locator('.insp-kind')).toHaveText(/host/i)
  expect(await inspector(page).locator('.panel-body').evaluate((el) => el.scrollTop)).toBe(0)
})

test('the selected item\'s kind, name and buttons stay at the top of the Inspector as its form scrolls, and a focused field clear of them', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 640 })
  await openTemplate(page, 'Seed article: two-disk host')
  await node(page, 'vm', 'ex01').click({ position: { x: 20, y: 10 } })
  const body = inspector(page).locator('.panel-body')
  const name = inspector(page).getByText('EX01', { exact: true })
  await body.evaluate((el) => { el.scrollTop = el.scrollHeight })
  expect(await body.evaluate((el) => el.scrollTop)).toBeGreaterThan(200)
  const top = await body.evaluate((el) => el.getBoundingClientRect().top)
  const box = (await name.boundingBox())!
  expect(box.y).toBeGreaterThanOrEqual(top)
  expect(box.y + box.height).toBeLessThan(top + 60)
  await expect(inspector(page).getByRole('button', { name: 'Delete EX01' })).toBeInViewport()
  // A field brought into view from below the header (as the Inspector's own scrolls do, to the nearest edge) is not left under it.
  const ram = inspector(page).getByLabel('RAM (GB)', { exact: true })
  await ram.evaluate((el) => el.scrollIntoView({ block: 'nearest' }))
  const head = (await inspector(page).locator('.insp-head').boundingBox())!
  expect((await ram.boundingBox())!.y).toBeGreaterThanOrEqual(head.y + head.height - 1)
})

test('the host inspector shows each hypervisor flag only where it means something', async ({ page }) => {
  await dragFromPalette(page, 'Host', pane(page), { x: 100, y: 100 })
  await node(page, 'host').first().click({ position: { x: 40, y: 18 } })
  await expect(inspector(page).getByLabel('Hyper-V RTM update installed (KB950050)')).toBeVisible()
  await expect(inspector(page).getByLabel('SVVP validated')).toHaveCount(0)
  await inspector(page).getByLabel('Hypervisor', { exact: true }).selectOption({ label: 'VMware ESX' })
  await expect(inspector(page).getByLabel('SVVP validated')).toBeVisible()
  await expect(inspector(page).getByLabel('Hyper-V RTM update installed (KB950050)')).toHaveCount(0)
  await inspector(page).getByLabel('SVVP validated').check()
  await expect(inspector(page).getByLabel('SVVP validated')).toBeChecked()
})

test('the focus never falls to the page: last Undo hands it to Redo, Remove role keeps it in the Inspector', async ({ page }) => {
  await palette(page, 'Host').focus()
  await page.keyboard.press('Enter')
  await expect(node(page, 'host')).toHaveCount(1)
  await page.getByRole('button', { name: 'Undo' }).focus()
  await page.keyboard.press('Enter')
  await expect(node(page, 'host')).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Redo' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(node(page, 'host')).toHaveCount(1)
  await expect(page.getByRole('button', { name: 'Undo' })).toBeFocused()
  // A role added by keyboard to a VM, then removed from its own inspector.
  await (await focusableNode(page, 'host')).focus()
  await page.keyboard.press('Enter')
  await palette(page, 'Virtual machine').focus()
  await page.keyboard.press('Enter')
  await palette(page, 'Mailbox').focus()
  await page.keyboard.press('Enter')
  await inspector(page).getByRole('button', { name: 'Remove role' }).focus()
  await page.keyboard.press('Enter')
  await expect(inspector(page).locator('.insp-kind')).toHaveText(/virtual machine/i)
  await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[aria-label="Inspector"]') !== null)).toBe(true)
})

test('what a keyboard add, a delete or an open changes is read out', async ({ page }) => {
  const announcer = page.getByTestId('announcer')
  await palette(page, 'Host').focus()
  await page.keyboard.press('Enter')
  await expect(announcer).toHaveText('Added Host HV01')
  await palette(page, 'Virtual machine').focus()
  await page.keyboard.press('Enter')
  await expect(announcer).toHaveText('Added Virtual machine EX01 to HV01')
  await inspector(page).getByRole('button', { name: 'Delete EX01' }).click()
  await expect(announcer).toHaveText(/^Deleted EX01( with its \d+ disks?)?\. Undo brings it back\.$/)
  // Shown as well as read out: a delete is never silent.
  await expect(page.locator('.notice')).toHaveText(/^Deleted EX01.*Undo brings it back\.$/)
  // Read out once: the notice's own live region is quiet while the announcer says the same words.
  await expect(page.locator('.notice-layer')).toHaveAttribute('aria-live', 'off')
  await expect(announcer).toHaveAttribute('aria-live', 'polite')
  await page.getByRole('button', { name: 'Templates' }).click()
  await page.getByRole('button', { name: 'Open Small office' }).click()
  await expect(announcer).toHaveText(/^Opened "Small office/)
})

test('each choice is one undo step however quick, and typing into one field is one step', async ({ page }) => {
  await page.getByRole('button', { name: 'Templates' }).click()
  await page.getByRole('button', { name: 'Open Small office' }).click()
  await node(page, 'parent-partition').first().click()
  const dns = inspector(page).getByRole('checkbox', { name: 'DNS Server' })
  const dhcp = inspector(page).getByRole('checkbox', { name: 'DHCP Server' })
  await dns.check()
  await dhcp.check()
  await page.keyboard.press('Control+z')
  await expect(dhcp).not.toBeChecked()
  await expect(dns).toBeChecked()
  await page.keyboard.press('Control+z')
  await expect(dns).not.toBeChecked()

  await node(page, 'vm').first().click({ position: { x: 60, y: 12 } })
  const name = inspector(page).getByLabel('Name', { exact: true })
  const before = await name.inputValue()
  await name.focus()
  await page.keyboard.press('End')
  await name.pressSequentially('-new')
  await expect(name).toHaveValue(`${before}-new`)
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(inspector(page).getByLabel('Name', { exact: true })).toHaveValue(before)
})

test('two values typed into one field, each confirmed (Tab, Enter), are two undo steps however quick', async ({ page }) => {
  await importThroughChooser(page, { name: 'seed-reference.json', mimeType: 'application/json', buffer: await readFile('examples/seed-reference.json') })
  await page.locator('.react-flow__node[data-id="ex01"]').click({ position: { x: 60, y: 12 } })
  const ram = inspector(page).getByLabel('RAM (GB)')
  const before = await ram.inputValue()
  await ram.fill('6')
  await page.keyboard.press('Tab')
  await ram.fill('7')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Shift+Tab')
  await page.keyboard.press('Control+z')
  await expect(ram).toHaveValue('6')
  await page.keyboard.press('Control+z')
  await expect(ram).toHaveValue(before)
})

test('Ctrl+Z in an inspector field steps back through the plan: the whole typed name, from the next field or from the field itself', async ({ page }) => {
  // This path (import, select with Enter, type fast, Tab) once made Ctrl+Z replay the browser's
  // own typing undo into the Name field: "EX01abc" went back to "EX01a", a name nobody applied.
  await importThroughChooser(page, { name: 'seed-reference.json', mimeType: 'application/json', buffer: await readFile('examples/seed-reference.json') })
  const vm = page.locator('.react-flow__node[data-id="ex01"]')
  await vm.focus()
  await page.keyboard.press('Enter')
  const name = inspector(page).getByLabel('Name', { exact: true })
  await expect(name).toHaveValue('EX01')
  await name.click()
  await page.keyboard.press('End')
  await page.keyboard.type('abc')
  await expect(vm).toContainText('EX01abc')
  await page.keyboard.press('Tab')
  await page.keyboard.press('Control+z')
  await expect(name).toHaveValue('EX01')
  await expect(vm).not.toContainText('EX01a')
  await page.keyboard.press('Control+Shift+z')
  await expect(name).toHaveValue('EX01abc')

  // In the field itself: Ctrl+Z takes back what was typed there, as one step, and Ctrl+Y puts it back.
  await name.click()
  await page.keyboard.press('End')
  await page.keyboard.type('xyz')
  await page.keyboard.press('Control+z')
  await expect(name).toHaveValue('EX01abc')
  await expect(vm).toContainText('EX01abc')
  await expect(name).toBeFocused()
  await page.keyboard.press('Control+y')
  await expect(name).toHaveValue('EX01abcxyz')

  // A text the plan refused is the field's own: Ctrl+Z there is the browser's and leaves the plan alone.
  await page.keyboard.press('Control+a')
  await page.keyboard.press('Backspace')
  await expect(inspector(page).getByText('Enter a name')).toBeVisible()
  await page.keyboard.press('Control+z')
  await expect(name).toHaveValue('EX01abcxyz')
  await expect(vm).toContainText('EX01abcxyz')
})

test('a change that takes more than it says (a disk\'s connection, an Exchange update) says what it took', async ({ page }) => {
  await page.getByRole('button', { name: 'Templates' }).click()
  await page.getByRole('button', { name: 'Open Small office' }).click()
  const disk = node(page, 'virtual-disk').first()
  const name = (await disk.locator('strong').textContent())!
  await disk.click()
  await inspector(page).getByLabel('Disk kind').selectOption({ label: 'iSCSI disk (guest initiator)' })
  await expect(page.getByRole('status').filter({ hasText: `${name} is now an iSCSI disk (guest initiator), so it was disconnected from` })).toBeVisible()

  await node(page, 'vm').first().click({ position: { x: 60, y: 12 } })
  await inspector(page).getByLabel('Update').selectOption({ label: 'SP3' })
  await inspector(page).getByLabel('Version').selectOption({ label: 'Exchange Server 2013' })
  await expect(page.getByRole('status').filter({ hasText: 'The update is now RTM: Exchange Server 2013 is updated by cumulative updates, not service packs (its SP1 is CU4): choose its update under Update.' })).toBeVisible()
})

test('a name longer than the plan format allows is refused with the limit, not cut without a word', async ({ page }) => {
  const name = inspector(page).getByLabel('Plan name')
  const before = await name.inputValue()
  const long = 'A'.repeat(130)
  await name.fill(long)
  await expect(name).toHaveValue(long)
  await expect(inspector(page).getByText('Must be at most 120 characters long')).toBeVisible()
  await expect(page.getByRole('banner')).toContainText(before)
  await name.fill('Short enough')
  await expect(inspector(page).getByText('Must be at most 120 characters long')).toHaveCount(0)
})

test('spaces around a name or a cluster go when the field is left', async ({ page }) => {
  await page.getByRole('button', { name: 'Templates' }).click()
  await page.getByRole('button', { name: 'Open Small office' }).click()
  await node(page, 'host').first().click({ position: { x: 40, y: 12 } })
  const cluster = inspector(page).getByLabel('Host cluster')
  await cluster.fill('  Clu A  ')
  await cluster.press('Tab')
  await expect(cluster).toHaveValue('Clu A')
  const name = inspector(page).getByLabel('Name', { exact: true })
  await name.fill(' HV-A ')
  await name.press('Tab')
  await expect(name).toHaveValue('HV-A')
  await expect(node(page, 'host').first().locator('strong')).toHaveText('HV-A')
})

test('? and the canvas\'s ? button list the keyboard shortcuts; Escape closes the list', async ({ page }) => {
  await page.keyboard.press('?')
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('row', { name: /Find a host, VM, disk or LUN on the canvas/ })).toContainText('Ctrl+F or /')
  await expect(dialog.getByRole('row', { name: /Duplicate the selected VM or host/ })).toContainText('Ctrl+D')
  await expect(dialog.getByRole('row', { name: /Redo/ })).toContainText('Ctrl+Shift+Z or Ctrl+Y')
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  const button = page.getByRole('button', { name: 'Keyboard shortcuts' })
  await button.click()
  await expect(dialog).toBeVisible()
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toBeHidden()
  await expect(button).toBeFocused()
})

test('deleting a host disk that a VM disk passes through says what is left not connected', async ({ page }) => {
  await openTemplate(page, 'Seed article: two-disk host')
  await node(page, 'physical-disk', 'hv01-disk2').click()
  await page.keyboard.press('Delete')
  await expect(node(page, 'physical-disk', 'hv01-disk2')).toHaveCount(0)
  await expect(page.getByRole('status').filter({ hasText: "Deleted HV01's Disk 2. EX01's disk Boot (pass-through) is not connected now; Undo reconnects it." })).toBeVisible()
  await expect(node(page, 'virtual-disk', 'ex01-boot')).toContainText(/not connected/i)
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(node(page, 'virtual-disk', 'ex01-boot')).not.toContainText(/not connected/i)
})

test('a pass-through disk sized apart from the disk behind it is told that disk\'s size, and can take it in one click', async ({ page }) => {
  await openTemplate(page, 'Seed article: two-disk host')
  await node(page, 'virtual-disk', 'ex01-boot').click()
  const size = inspector(page).getByLabel('Size')
  await size.fill('200')
  await size.press('Enter')
  await expect(inspector(page)).toContainText("A pass-through disk is the whole disk behind it: HV01's Disk 2 has 300 GB.")
  await inspector(page).getByRole('button', { name: 'Use 300 GB' }).click()
  await expect(size).toHaveValue('300')
  await expect(inspector(page).getByRole('button', { name: 'Use 300 GB' })).toHaveCount(0)
})

test('a size typed with thousands commas, as the canvas shows sizes, is that many GB; a long unbroken name keeps Delete in view', async ({ page }) => {
  await openTemplate(page, 'Seed article: two-disk host')
  await node(page, 'physical-disk', 'hv01-disk2').click()
  const size = inspector(page).getByLabel('Size')
  await size.fill('1,500')
  await size.press('Enter')
  await expect(node(page, 'physical-disk', 'hv01-disk2')).toContainText('1,500 GB')
  expect(JSON.parse(await exportedJson(page)).hosts[0].disks[1].sizeGB).toBe(1500)

  await node(page, 'vm', 'ex01').click({ position: { x: 40, y: 12 } })
  const long = 'EXCHANGEMAILBOXSERVER'.repeat(5)
  await inspector(page).getByLabel('Name', { exact: true }).fill(long)
  await inspector(page).getByLabel('Name', { exact: true }).press('Enter')
  await node(page, 'virtual-disk', 'ex01-boot').click()
  await expect(inspector(page).locator('.insp-kind')).toContainText(long.slice(0, 10))
  const panel = (await inspector(page).boundingBox())!
  const remove = (await inspector(page).getByRole('button', { name: /^Delete / }).boundingBox())!
  expect(remove.x + remove.width).toBeLessThanOrEqual(panel.x + panel.width)
  expect(await inspector(page).locator('.panel-body').evaluate((body) => body.scrollWidth - body.clientWidth)).toBeLessThanOrEqual(0)
})

test('an id can be changed in the Inspector: references, the selection and the layout follow, and a taken id is refused', async ({ page }) => {
  await openTemplate(page, 'Seed article: two-disk host')
  await node(page, 'physical-disk', 'hv01-disk2').click()
  const idField = inspector(page).getByLabel('ID')
  await idField.fill('hv01-exchange')
  await idField.press('Enter')
  await expect(node(page, 'physical-disk', 'hv01-exchange')).toBeVisible()
  await expect(inspector(page).getByLabel('ID')).toHaveValue('hv01-exchange')
  await expect(inspector(page).getByLabel('ID')).toBeFocused()
  // EX01's boot disk still passes it through: the reference followed.
  await expect(node(page, 'virtual-disk', 'ex01-boot')).not.toContainText(/not connected/i)
  expect(JSON.parse(await exportedJson(page)).hosts[0].vms[0].disks[0].backing).toBe('hv01-exchange')

  await node(page, 'host', 'hv01').click({ position: { x: 40, y: 18 } })
  await inspector(page).getByLabel('ID').fill('ex01')
  await inspector(page).getByLabel('ID').press('Enter')
  await expect(inspector(page).getByText('"ex01" is already the id of VM EX01; every id must be unique across the plan')).toBeVisible()
  await inspector(page).getByLabel('ID').press('Escape')
  await expect(inspector(page).getByLabel('ID')).toHaveValue('hv01')
  // A long id that is not one: the message wraps inside the Inspector rather than running out of it.
  await inspector(page).getByLabel('ID').fill(`${'x'.repeat(70)} 1`)
  await inspector(page).getByLabel('ID').press('Enter')
  const problem = inspector(page).getByText(/is not an id/)
  await expect(problem).toBeVisible()
  expect(await problem.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true)
  await inspector(page).getByLabel('ID').press('Escape')
  // Moved first, so that its place is in the layout: the place follows the new id.
  const host = node(page, 'host', 'hv01')
  const start = (await host.boundingBox())!
  await page.mouse.move(start.x + 40, start.y + 18)
  await page.mouse.down()
  await page.mouse.move(start.x + 140, start.y + 78, { steps: 8 })
  await page.mouse.up()
  const moved = (await host.boundingBox())!
  expect(moved.x).toBeGreaterThan(start.x + 50)
  await inspector(page).getByLabel('ID').fill('nyc-hv01')
  await inspector(page).getByLabel('ID').blur()
  await expect(node(page, 'host', 'nyc-hv01')).toBeVisible()
  // Left by a blur (a click elsewhere), the field does not take the focus back.
  await expect(inspector(page).getByLabel('ID')).toHaveValue('nyc-hv01')
  await expect(inspector(page).getByLabel('ID')).not.toBeFocused()
  expect(await node(page, 'host', 'nyc-hv01').boundingBox()).toEqual(moved)
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(node(page, 'host', 'hv01')).toBeVisible()

  // Tab from a new id goes on to the next field of the rebuilt form; Shift+Tab back to the one before.
  await node(page, 'vm', 'ex01').click({ position: { x: 30, y: 12 } })
  const fields = inspector(page).locator('input, select, textarea, button')
  const idAt = await fields.evaluateAll((all) => all.findIndex((element) => element.getAttribute('aria-label') === 'ID' || (element as HTMLInputElement).labels?.[0]?.textContent === 'ID'))
  const nextName = await fields.nth(idAt + 1).evaluate((element) => (element as HTMLInputElement).labels?.[0]?.textContent ?? element.getAttribute('aria-label'))
  await inspector(page).getByLabel('ID').fill('ex01-mbx')
  await inspector(page).getByLabel('ID').press('Tab')
  await expect(node(page, 'vm', 'ex01-mbx')).toBeVisible()
  await expect(inspector(page).getByLabel(nextName!, { exact: true })).toBeFocused()
  await page.keyboard.press('Shift+Tab')
  await expect(inspector(page).getByLabel('ID')).toBeFocused()
  await inspector(page).getByLabel('ID').fill('ex01')
  await page.keyboard.press('Shift+Tab')
  await expect(node(page, 'vm', 'ex01')).toBeVisible()
  expect(await page.evaluate(() => document.activeElement !== document.body && document.activeElement?.closest('section[aria-label="Inspector"]') !== null)).toBe(true)
})

test('F6 and Shift+F6 move the focus through toolbar, palette, canvas, inspector and findings', async ({ page }) => {
  await openTemplate(page, 'Seed article: two-disk host')
  const toolbarFirst = page.getByRole('toolbar', { name: 'Toolbar' }).getByRole('button').first()
  await page.locator('.react-flow').focus()
  await page.keyboard.press('F6')
  await expect(inspector(page)).toBeFocused()
  // The panel shows that it has the focus.
  expect(await inspector(page).evaluate((element) => getComputedStyle(element).outlineStyle)).toBe('solid')
  await page.keyboard.press('F6')
  await expect(findingItems(page).first()).toBeFocused()
  await page.keyboard.press('F6')
  await expect(toolbarFirst).toBeFocused()
  await page.keyboard.press('F6')
  await expect(palette(page, 'Host')).toBeFocused()
  await page.keyboard.press('F6')
  await expect(page.locator('.react-flow')).toBeFocused()
  await page.keyboard.press('Shift+F6')
  await expect(palette(page, 'Host')).toBeFocused()
  await page.keyboard.press('Shift+F6')
  await expect(toolbarFirst).toBeFocused()
  await page.keyboard.press('Shift+F6')
  await expect(findingItems(page).first()).toBeFocused()
  // From a text field too.
  await findings(page).getByRole('searchbox', { name: 'Filter findings' }).focus()
  await page.keyboard.press('F6')
  await expect(toolbarFirst).toBeFocused()
  // The find box is part of the canvas: F6 goes on to the Inspector.
  await page.getByRole('combobox', { name: 'Find on canvas' }).focus()
  await page.keyboard.press('F6')
  await expect(inspector(page)).toBeFocused()
})

test('Arrange the diagram lays hosts out in rows again, as one undoable step', async ({ page }) => {
  await openTemplate(page, 'Seed article: two-disk host')
  await dragFromPalette(page, 'Host', pane(page), { x: 120, y: 420 })
  const added = node(page, 'host').nth(1)
  await expect(added).toBeVisible()
  const id = await added.getAttribute('data-entity-id')
  const dropped = (await node(page, 'host', id!).boundingBox())!
  const first = (await node(page, 'host', 'hv01').boundingBox())!
  expect(Math.abs(dropped.y - first.y)).toBeGreaterThan(20)
  await page.getByRole('button', { name: 'Arrange the diagram' }).click()
  await expect(page.getByText('Arranged the diagram; Undo puts everything back where it was')).toBeAttached()
  // In this window the two hosts show largest one above the other (side by side in a wider one): HV01 first,
  // the hosts' left edges lined up, neither covering the other.
  await expect.poll(async () => {
    const [a, b] = [(await node(page, 'host', 'hv01').boundingBox())!, (await node(page, 'host', id!).boundingBox())!]
    return Math.abs(a.x - b.x) < 1 && b.y >= a.y + a.height
  }).toBe(true)
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect.poll(async () => {
    const [a, b] = [(await node(page, 'host', 'hv01').boundingBox())!, (await node(page, 'host', id!).boundingBox())!]
    return Math.abs(a.y - b.y) > 20
  }).toBe(true)
  await expect(node(page, 'host')).toHaveCount(2)
  // Arranged twice, the second time moves nothing, says so, and adds no undo step.
  await page.getByRole('button', { name: 'Redo' }).click()
  await page.getByRole('button', { name: 'Arrange the diagram' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'The diagram is already arranged: nothing moved.' })).toBeVisible()
  // One Undo goes back to the places before the arrangement, not to the same arrangement.
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect.poll(async () => {
    const [a, b] = [(await node(page, 'host', 'hv01').boundingBox())!, (await node(page, 'host', id!).boundingBox())!]
    return Math.abs(a.x - b.x) < 1 && b.y >= a.y + a.height
  }).toBe(false)
})

test('a clustered host shows whether its cluster still holds its VMs with one node down', async ({ page }) => {
  await openTemplate(page, 'Exchange 2019 DAG on Hyper-V')
  await node(page, 'host', 'hv01').click({ position: { x: 60, y: 16 } })
  const failover = inspector(page).getByRole('definition').filter({ hasText: 'with HV02 down' })
  await expect(failover).toHaveText(/^258 GB of 384 GB with HV02 down 256 GB for the 2 VMs of cluster "hvc1" on HV01$/)
  // HV01's RAM cut to 200 GB: with HV02 down, HV01 cannot start both VMs.
  await inspector(page).getByLabel('RAM').fill('200')
  await inspector(page).getByLabel('RAM').press('Enter')
  await expect(failover).toHaveText(/^258 GB of 200 GB with HV02 down.*some VMs could not start$/)
  await expect(failover).toHaveClass(/over/)
})

test('a number field left empty, or taken back with Escape, shows the value the plan keeps again, and left empty says so', async ({ page }) => {
  await openTemplate(page, 'Small office')
  await node(page, 'vm', 'ex01').click({ position: { x: 60, y: 12 } })
  const ram = inspector(page).getByLabel('RAM')
  const kept = await ram.inputValue()
  await ram.fill('')
  await expect(ram).toHaveAttribute('aria-invalid', 'true')
  await ram.press('Escape')
  await expect(ram).toHaveValue(kept)
  await expect(ram).not.toHaveAttribute('aria-invalid', 'true')
  await ram.fill('')
  await ram.press('Tab')
  await expect(ram).toHaveValue(kept)
  // Not in silence: the field says it kept its value, until the next keystroke in it.
  const note = inspector(page).locator('[aria-live="polite"]').getByText(`Left empty, so it stays ${kept} GB`)
  await expect(note).toBeVisible()
  await expect(ram).toHaveAccessibleDescription(`Left empty, so it stays ${kept} GB`)
  await ram.fill('9')
  await expect(note).toHaveCount(0)
  // A value that is wrong but typed stays, with its message, for the user to correct.
  await ram.fill('-4')
  await ram.press('Tab')
  await expect(ram).toHaveValue('-4')
  await expect(inspector(page).getByText('Enter a number greater than 0')).toBeVisible()
  // In a live region, so that a screen reader hears it as it appears.
  await expect(inspector(page).locator('[aria-live="polite"]').getByText('Enter a number greater than 0')).toBeVisible()
})

test('undo of a typed value says which field of which item is back to what, for a screen reader', async ({ page }) => {
  await openTemplate(page, 'Small office')
  await node(page, 'vm', 'ex01').click({ position: { x: 60, y: 12 } })
  const ram = inspector(page).getByLabel('RAM')
  const kept = await ram.inputValue()
  await ram.fill('24')
  await ram.press('Enter')
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(ram).toHaveValue(kept)
  await expect(page.getByText(new RegExp(`^Undone: VM EX01's RAM is ${kept} GB; \\d+ more steps? can be undone\\.$`))).toBeAttached()
  await page.getByRole('button', { name: 'Redo' }).click()
  await expect(page.getByText(/^Redone: VM EX01's RAM is 24 GB; nothing more can be redone\.$/)).toBeAttached()
})

test('a choice made in the inspector is read out, in the words undo uses for it', async ({ page }) => {
  await openTemplate(page, 'Small office')
  await node(page, 'vm', 'ex01').click({ position: { x: 60, y: 12 } })
  await inspector(page).getByLabel('Stop action').selectOption({ label: 'Turn off the VM' })
  await expect(page.getByText("VM EX01's stop action is Turn off the VM.", { exact: true })).toBeAttached()
  await inspector(page).getByRole('checkbox', { name: /^Dynamic memory/ }).check()
  await expect(page.getByText("VM EX01's dynamic memory is on.", { exact: true })).toBeAttached()
})

test('a VM given more virtual processors than its host has logical ones is noted under the field', async ({ page }) => {
  await openTemplate(page, 'Small office')
  await node(page, 'vm', 'ex01').click({ position: { x: 60, y: 12 } })
  const vcpus = inspector(page).getByLabel('Virtual processors')
  const note = inspector(page).getByText(/^EX01 has 64 virtual processors and HV01 \d+ logical processors?: .* does not start a VM with more virtual processors than its host has logical ones\.$/)
  await expect(note).toHaveCount(0)
  await vcpus.fill('64')
  await expect(note).toBeVisible()
  await vcpus.fill('2')
  await expect(note).toHaveCount(0)
})

test('a host offers the ways its hypervisor moves VMs, in its words: vMotion on VMware ESX, no Quick Migration there', async ({ page }) => {
  await dragFromPalette(page, 'Host', pane(page), { x: 120, y: 80 })
  await node(page, 'host').first().click({ position: { x: 40, y: 12 } })
  const mobility = inspector(page).getByLabel('VM mobility')
  const options = () => mobility.locator('option').allTextContents()
  await inspector(page).getByLabel('Hypervisor', { exact: true }).selectOption({ label: 'Windows Server 2012 R2 Hyper-V' })
  await expect.poll(options).toEqual(['None', 'Quick Migration', 'Live Migration'])
  await inspector(page).getByLabel('Hypervisor', { exact: true }).selectOption({ label: 'VMware ESX' })
  await expect.poll(options).toEqual(['None', 'vMotion'])
  await mobility.selectOption({ label: 'vMotion' })
  await expect(mobility).toHaveValue('live-migration')
})

test('a host moved to Virtual Server loses what Virtual Server\'s Windows has not: the Hyper-V role, Server Core, moving running VMs; and says so', async ({ page }) => {
  await dragFromPalette(page, 'Host', pane(page), { x: 120, y: 80 })
  await expect(node(page, 'parent-partition')).toContainText('roles: Hyper-V')
  await expect(node(page, 'parent-partition')).toContainText('Server Core')
  await node(page, 'host').first().click({ position: { x: 40, y: 12 } })
  await inspector(page).getByLabel('Hypervisor', { exact: true }).selectOption({ label: 'Virtual Server 2005 R2 SP1' })
  await expect(page.getByRole('status').filter({ hasText: 'now runs Virtual Server 2005 R2 SP1, so its host OS no longer has the Hyper-V role' })).toBeVisible()
  await expect(node(page, 'parent-partition')).not.toContainText('roles:')
  await expect(node(page, 'parent-partition')).toContainText('Full installation')
  await expect.poll(() => inspector(page).getByLabel('VM mobility').locator('option').allTextContents()).toEqual(['None'])
  // One step: Undo puts the Hyper-V host back whole.
  await page.keyboard.press('Control+z')
  await expect(node(page, 'parent-partition')).toContainText('roles: Hyper-V')
  await expect(node(page, 'parent-partition')).toContainText('Server Core')
})

test('the toolbar\'s buttons stay put as the plan name changes, and a severity with no findings is grey', async ({ page }) => {
  const newPlan = page.getByRole('button', { name: 'New plan' })
  const before = (await newPlan.boundingBox())!.x
  const name = inspector(page).getByLabel('Plan name')
  await name.fill('Contoso: Exchange 2013 on two vSphere hosts with a DAG of four members')
  await name.press('Enter')
  await expect(page.locator('.plan-name')).toHaveText(/^Contoso/)
  expect((await newPlan.boundingBox())!.x).toBe(before)

  const totals = page.getByRole('status', { name: 'Finding totals' })
  const errors = totals.locator('.total.error')
  await expect(errors).toHaveText(/^✖ 0/)
  await expect(errors).toHaveClass(/\bzero\b/)
  // The muted grey of the plan name, not the error red.
  const muted = await page.locator('.plan-name').evaluate((el) => getComputedStyle(el).color)
  await expect(errors).toHaveCSS('color', muted)
})

test('a VM on VMware ESX is edited in VMware\'s words: VMware Tools, a vSphere image backup', async ({ page }) => {
  await dragFromPalette(page, 'Host', pane(page), { x: 120, y: 80 })
  const host = node(page, 'host').first()
  await host.click({ position: { x: 40, y: 12 } })
  await inspector(page).getByLabel('Hypervisor', { exact: true }).selectOption({ label: 'VMware ESX' })
  await dragFromPalette(page, 'Virtual machine', host)
  await node(page, 'vm').first().click({ position: { x: 30, y: 12 } })
  await expect(inspector(page).getByLabel('Integration components')).toBeVisible()
  await expect(inspector(page).getByText('VMware ESX calls them VMware Tools.')).toBeVisible()
  await expect(inspector(page).getByLabel('Backup method').locator('option')).toContainText(['No backup', 'Exchange-aware agent in the OS', 'VSS-quiesced image from the host (vSphere)', 'VM file copy from the host'])
})

test('Undo of a VM moved to another host brings it into view where it lands back', async ({ page }) => {
  await openTemplate(page, 'Exchange 2019 DAG on Hyper-V')
  await node(page, 'vm', 'mbx02').click({ position: { x: 60, y: 12 } })
  const hostField = inspector(page).getByRole('combobox', { name: 'Host' })
  await hostField.selectOption('hv01')
  await expect(hostField).toHaveValue('hv01')
  // Zoomed in on MBX01 in HV01: HV02, where Undo takes MBX02 back, is out of view.
  const find = page.getByRole('combobox', { name: 'Find on canvas' })
  await find.fill('MBX01')
  await find.press('Enter')
  for (let i = 0; i < 5; i++) await page.locator('.react-flow__controls-zoomin').click()
  const canvas = (await page.locator('.react-flow').boundingBox())!
  const shown = (box: { x: number; y: number; width: number; height: number } | null) =>
    box !== null && box.x < canvas.x + canvas.width && box.x + box.width > canvas.x && box.y < canvas.y + canvas.height && box.y + box.height > canvas.y
  const inView = async () => {
    const box = await node(page, 'vm', 'mbx02').boundingBox()
    return box !== null && box.x >= canvas.x && box.y >= canvas.y && box.x + Math.min(box.width, 200) <= canvas.x + canvas.width && box.y + 40 <= canvas.y + canvas.height
  }
  await expect.poll(async () => shown(await node(page, 'host', 'hv02').boundingBox())).toBe(false)
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(hostField).toHaveValue('hv02')
  await expect.poll(inView).toBe(true)
  // Redo takes it to HV01 again, and the view follows it there too.
  await page.getByRole('button', { name: 'Redo' }).click()
  await expect(hostField).toHaveValue('hv01')
  await expect.poll(inView).toBe(true)
})

test('deleting a server\'s last role chip says its Exchange install went with it, and Undo brings both back', async ({ page }) => {
  await openTemplate(page, 'Seed article: two-disk host')
  const chip = (role: string) => page.locator(`[data-kind="exchange-role"][data-entity-id="ex01"][data-role="${role}"]`)
  for (const role of ['mailbox', 'client-access']) {
    await chip(role).click()
    await page.keyboard.press('Delete')
    await expect(chip(role)).toHaveCount(0)
  }
  await chip('hub-transport').click()
  await page.keyboard.press('Delete')
  await expect(page.getByRole('status').filter({ hasText: 'Removed the Hub Transport role from EX01' }))
    .toContainText('Removed the Hub Transport role from EX01; it was its last, so Exchange Server 2007 SP1 went with it. Undo brings it back.')
  expect(JSON.parse(await exportedJson(page)).hosts[0].vms[0].exchange).toBeNull()
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(chip('hub-transport')).toBeVisible()
})

test('a plan whose canvas places lie far off the canvas opens laid out anew, and the notice says where', async ({ page }) => {
  const seed = JSON.parse(await readFile('examples/seed-reference.json', 'utf8')) as { layout?: unknown }
  const text = JSON.stringify({ ...seed, layout: { hv01: { x: 1e300, y: -1e300 } } })
  await importThroughChooser(page, { name: 'far.json', mimeType: 'application/json', buffer: Buffer.from(text) })
  await expect(page.getByRole('status').filter({ hasText: 'laid out anew' })).toContainText('layout.hv01 lay more than 1,000,000 pixels off the canvas')
  await expect(node(page, 'host', 'hv01')).toBeInViewport()
  const exported = JSON.parse(await exportedJson(page)) as { layout: Record<string, { x: number; y: number }> }
  expect(Math.abs(exported.layout.hv01!.x)).toBeLessThan(1_000_000)
})

test('Escape over a refused name shows the name the plan keeps again, and the message goes', async ({ page }) => {
  await openTemplate(page, 'Seed article: two-disk host')
  await node(page, 'vm', 'ex01').click({ position: { x: 60, y: 12 } })
  const name = inspector(page).getByLabel('Name', { exact: true })
  await name.fill('X'.repeat(130))
  await expect(inspector(page).getByText(/at most 120 characters/)).toBeVisible()
  await name.press('Escape')
  await expect(name).toHaveValue('EX01')
  await expect(inspector(page).getByText(/at most 120 characters/)).toHaveCount(0)
  await expect(name).toBeFocused()
  expect(JSON.parse(await exportedJson(page)).hosts[0].vms[0].name).toBe('EX01')
})
