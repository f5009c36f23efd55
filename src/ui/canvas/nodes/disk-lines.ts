/**
 * The lines of text a disk, host disk or LUN node shows, and how wide the node is for them: the
 * nodes render these lines and geometry sizes the nodes by them, so a name is shown whole up to
 * MAX_DISK_WIDTH (past it, it is cut with an ellipsis and carries its full text as a tooltip).
 */
import { CONTROLLER_LABELS, DISK_KIND_LABELS, FILE_DISK_KINDS, joinAnd, type PhysicalDisk, type VirtualDisk, type Vm } from '../../../core/index.ts'
import { size } from './size.ts'
import { textWidth } from './text-width.ts'

const CONTENT: Record<string, string> = { os: 'OS', 'vm-files': 'VM files', database: 'DB', logs: 'Logs', queue: 'Queue', pagefile: 'Page file', other: 'Other' }
const contents = (list: readonly string[]) => (list.length ? list.map((c) => CONTENT[c] ?? c).join(' · ') : 'empty')
/** The guest-attached kinds say "guest initiator" (iSCSI) or "guest HBA" (Fibre Channel) on the line below; the kind line keeps the palette's short name. */
const CANVAS_KIND_LABELS: Partial<Record<string, string>> = { 'iscsi-guest': 'iSCSI disk', 'fc-guest': 'Fibre Channel disk' }

/** What a VM's disk node says under its name: its kind, and where it sits, how big and what it holds. */
export function virtualDiskLines(disk: VirtualDisk): { kind: string; details: string } {
  const where = disk.controller ? CONTROLLER_LABELS[disk.controller] : disk.kind === 'fc-guest' ? 'guest HBA' : 'guest initiator'
  return { kind: CANVAS_KIND_LABELS[disk.kind] ?? DISK_KIND_LABELS[disk.kind], details: `${where} · ${size(disk.sizeGB)} · ${contents(disk.contents)}` }
}
/** Set before a VM disk's details, in italics, when nothing backs it. */
export const NOT_CONNECTED = 'not connected · '

/**
 * What a host disk node says under its name; a disk whose own contents list is empty says what VMs
 * use it for (`use`, from hostDiskUses) rather than "empty".
 */
export function physicalDiskDetails(disk: PhysicalDisk, share: boolean, use: string | null): string {
  const what = use !== null && disk.contents.length === 0 ? use : contents(disk.contents)
  return `${size(disk.sizeGB)} · ${disk.lun ? (share ? 'share' : 'SAN LUN') : 'local'} · ${what}`
}

/**
 * What VMs use host disks for, by host disk id: "passed to EX01", or "VHDs of EX01 and EX02" ("VHDs
 * of 5 VMs" past two). Added to `uses` from the disks of `vms`.
 */
export function hostDiskUses(vms: readonly Vm[], uses = new Map<string, string>()): Map<string, string> {
  const files = new Map<string, string[]>()
  for (const vm of vms) {
    for (const disk of vm.disks) {
      if (disk.backing === null) continue
      if (disk.kind === 'pass-through') uses.set(disk.backing, `passed to ${vm.name}`)
      else if (FILE_DISK_KINDS.includes(disk.kind)) {
        const names = files.get(disk.backing)
        if (!names) files.set(disk.backing, [vm.name])
        else if (!names.includes(vm.name)) names.push(vm.name)
      }
    }
  }
  for (const [id, names] of files) {
    if (!uses.has(id)) uses.set(id, `VHDs of ${names.length > 2 ? `${names.length} VMs` : joinAnd(names)}`)
  }
  return uses
}

/** The narrowest disk and LUN nodes, and the widest: past it a name is cut rather than stretch a VM across the canvas. */
export const MIN_DISK_WIDTH = 176
export const MIN_LUN_WIDTH = 168
export const MAX_DISK_WIDTH = 320
/** Border, padding, the disk glyph and the gap after it. */
const CHROME = 2 + 2 * 8 + 18 + 8
/** The name stops short of a findings badge on the node's corner; geometry cannot know the findings, so room is kept. */
const BADGE_ROOM = 18

/** How wide a disk node is for its lines: room for the widest, between `min` and MAX_DISK_WIDTH. */
function diskNodeWidth(min: number, name: string, ...others: readonly { text: string; style: 'detail' | 'kind' }[]): number {
  let widest = textWidth(name, 'name') + BADGE_ROOM
  for (const { text, style } of others) widest = Math.max(widest, textWidth(text, style))
  return Math.min(MAX_DISK_WIDTH, Math.max(min, Math.ceil(CHROME + widest + 1)))
}

/*
 * Widths by entity: plan objects are never changed in place (an edit makes new ones), and geometry
 * asks for each disk's width several times per layout and again at every edit. Writing a line
 * costs microseconds ("4,000 GB" goes through Intl), which a 2,000-VM plan would pay 20,000 times.
 */
const virtualWidths = new WeakMap<VirtualDisk, number>()
const physicalWidths = new WeakMap<PhysicalDisk, { use: string | null; width: number }>()
const lunWidths = new WeakMap<object, number>()

export function virtualDiskWidth(disk: VirtualDisk): number {
  let width = virtualWidths.get(disk)
  if (width === undefined) {
    const { kind, details } = virtualDiskLines(disk)
    width = diskNodeWidth(MIN_DISK_WIDTH, disk.name, { text: kind, style: 'kind' }, { text: disk.backing ? details : NOT_CONNECTED + details, style: 'detail' })
    virtualWidths.set(disk, width)
  }
  return width
}

/** Sized for "SAN LUN", the longer of the two words for a disk on an array, so a host's size needs only the host. */
export function physicalDiskWidth(disk: PhysicalDisk, use: string | null): number {
  const known = physicalWidths.get(disk)
  if (known && known.use === use) return known.width
  const width = diskNodeWidth(MIN_DISK_WIDTH, disk.name, { text: physicalDiskDetails(disk, false, use), style: 'detail' })
  physicalWidths.set(disk, { use, width })
  return width
}

export function lunWidth(lun: { name: string; sizeGB: number }): number {
  let width = lunWidths.get(lun)
  if (width === undefined) {
    width = diskNodeWidth(MIN_LUN_WIDTH, lun.name, { text: size(lun.sizeGB), style: 'detail' })
    lunWidths.set(lun, width)
  }
  return width
}
