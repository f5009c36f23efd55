/**
 * Copies of a VM (on its own host) or of a whole host: the same settings, disks and Exchange roles,
 * with names that carry on the original's numbering (EX01 → EX02) and fresh ids. A copy never takes
 * what only one may own: a pass-through disk or a guest's own LUN is left for the original, and the
 * copy's disk is not connected until the architect connects it. Nor does a copy join a cluster that
 * is full: a CCR cluster has two nodes, so the copy of one of them runs Exchange unclustered.
 */
import { FILE_DISK_KINDS, type ExchangeClusterKind } from '../model/enums.ts'
import { joinAnd } from '../rules/platform-wording.ts'
import type { ExchangeInstall, Host, PhysicalDisk, Plan, VirtualDisk, Vm } from '../model/plan.ts'
import { idsOf, locate } from './locate.ts'
import type { Edit } from './edits.ts'
import { serverNames, uniqueId } from './palette.ts'

/**
 * The edit that adds a copy of a VM or host, with the copy's id and `notes` on what a copy could
 * not take from its original (to tell the architect); or why there is none.
 */
export type Duplication = { ok: true; edit: Edit; id: string; notes: string[] } | { ok: false; reason: string }

export function duplicateEntity(plan: Plan, id: string): Duplication {
  const at = locate(plan, id)
  if (!at || (at.kind !== 'vm' && at.kind !== 'host')) return { ok: false, reason: 'Only a virtual machine or a host can be duplicated' }
  const names = serverNames(plan)
  const ids = idsOf(plan)
  const notes: string[] = []
  const join = clusterSeats(plan, notes)
  if (at.kind === 'vm') {
    // A VHD's copy may keep its file on the same host disk; other disks belong to the original.
    const copy = copyVm(at.vm, names, ids, join, (disk) => (FILE_DISK_KINDS.includes(disk.kind) ? disk.backing : null))
    const waiting = at.vm.disks.filter((disk) => disk.backing !== null && !FILE_DISK_KINDS.includes(disk.kind)).map((disk) => disk.name)
    if (waiting.length > 0) {
      notes.push(`${copy.name}'s ${waiting.length === 1 ? `disk ${waiting[0]} is` : `disks ${joinAnd(waiting)} are`} not connected: a pass-through or guest-attached disk belongs to one VM`)
    }
    return { ok: true, id: copy.id, edit: { op: 'add-vm', host: at.host.id, vm: copy, index: at.v + 1 }, notes }
  }
  const copy = copyHost(at.host, names, ids, join, notes)
  return { ok: true, id: copy.id, edit: { op: 'add-host', host: copy }, notes }
}

/**
 * The next free name in the original's numbering: EX01 → EX02 (or the first free after it), HV-9 →
 * HV-10, "Mailbox A" → "Mailbox A 2". Takes it from `names`.
 */
export function nextCopyName(names: Set<string>, name: string): string {
  const numbered = /^(.*?)(\d+)$/.exec(name)
  const prefix = numbered ? numbered[1]! : `${name} `
  const width = numbered ? numbered[2]!.length : 1
  for (let n = numbered ? Number(numbered[2]) + 1 : 2; ; n++) {
    const candidate = `${prefix}${String(n).padStart(width, '0')}`
    if (!names.has(candidate)) {
      names.add(candidate)
      return candidate
    }
  }
}

/** A fresh id for a copy of a child entity: the parent's new id with the original's own suffix. */
function childId(ids: Set<string>, childIdOld: string, parentOld: string, parentNew: string): string {
  const suffix = childIdOld.startsWith(`${parentOld}-`) ? childIdOld.slice(parentOld.length + 1) : childIdOld
  const id = uniqueId(ids, `${parentNew}-${suffix}`)
  ids.add(id)
  return id
}

/**
 * A child's name in the copy: where it carries its parent's name ("EXMBX01 DB"), the copy's ("EXMBX02
 * DB"); as it was otherwise ("Boot"). Only a whole word of the name is replaced: "EX1" is not in "EX10".
 */
export function renamedWith(childName: string, parentName: string, copyName: string): string {
  if (parentName === '') return childName
  const word = /[\p{L}\p{N}]/u
  // Matched whatever the case ("Databases of mbx01"), and written in the case it was found in.
  const haystack = childName.toLowerCase()
  const needle = parentName.toLowerCase()
  if (haystack.length !== childName.length || needle.length !== parentName.length) return childName
  let out = ''
  let from = 0
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    const before = childName[at - 1]
    const after = childName[at + parentName.length]
    if ((before !== undefined && word.test(before)) || (after !== undefined && word.test(after)) || at < from) continue
    const found = childName.slice(at, at + parentName.length)
    const copy = found === parentName ? copyName : found === found.toLowerCase() ? copyName.toLowerCase() : found === found.toUpperCase() ? copyName.toUpperCase() : copyName
    out += `${childName.slice(from, at)}${copy}`
    from = at + parentName.length
  }
  return `${out}${childName.slice(from)}`
}

/**
 * A copy of a VM; `backingOf` says what each copied disk is connected to (null: not connected). Plans
 * are never changed in place, so the copy shares the original's unchanged parts.
 */
function copyVm(vm: Vm, names: Set<string>, ids: Set<string>, join: Join, backingOf: (disk: VirtualDisk) => string | null): Vm {
  const name = nextCopyName(names, vm.name)
  // The id follows the name ("EX02" → "ex02"), as a VM added from the palette does.
  const id = uniqueId(ids, name.toLowerCase())
  ids.add(id)
  const disks = vm.disks.map((disk): VirtualDisk => ({
    ...disk, id: childId(ids, disk.id, vm.id, id), name: renamedWith(disk.name, vm.name, name), backing: disk.backing === null ? null : backingOf(disk),
  }))
  return { ...vm, id, name, disks, exchange: join(vm.exchange, name) }
}

/**
 * A copy of a host with its disks and VMs. The copied VMs' disks point at the copy's own host disks.
 * A host disk passed through to a VM keeps no LUN: that LUN is given whole to the original's VM.
 */
function copyHost(host: Host, names: Set<string>, ids: Set<string>, join: Join, notes: string[]): Host {
  const name = nextCopyName(names, host.name)
  const id = uniqueId(ids, name.toLowerCase())
  ids.add(id)
  const passedThrough = new Set(host.vms.flatMap((vm) => vm.disks.filter((disk) => disk.kind === 'pass-through').map((disk) => disk.backing)))
  const diskIds = new Map<string, string>()
  const disks = host.disks.map((disk): PhysicalDisk => {
    const copyId = childId(ids, disk.id, host.id, id)
    diskIds.set(disk.id, copyId)
    return { ...disk, id: copyId, name: renamedWith(disk.name, host.name, name), lun: passedThrough.has(disk.id) ? null : disk.lun }
  })
  const offLun = host.disks.filter((disk) => passedThrough.has(disk.id) && disk.lun !== null).map((disk) => disk.name)
  if (offLun.length > 0) {
    notes.push(`${name}'s ${offLun.length === 1 ? `disk ${offLun[0]} is a local disk` : `disks ${joinAnd(offLun)} are local disks`}, on no LUN: ${host.name}'s VMs have ${offLun.length === 1 ? 'its LUN' : 'their LUNs'} passed through whole`)
  }
  const onCopiedHost = (disk: VirtualDisk) => (disk.kind === 'pass-through' || FILE_DISK_KINDS.includes(disk.kind) ? diskIds.get(disk.backing!) ?? null : null)
  const parent = host.parent.exchange === null ? host.parent : { ...host.parent, exchange: join(host.parent.exchange, name) }
  return { ...host, id, name, disks, parent, vms: host.vms.map((vm) => copyVm(vm, names, ids, join, onCopiedHost)) }
}

/**
 * The most servers an Exchange cluster of a kind can hold: a CCR cluster is one active and one
 * passive node; a DAG has at most 16 members. Single copy and Windows clusters grow with the
 * Windows version, and the plan's own rules judge those.
 */
const MAX_MEMBERS: Partial<Record<ExchangeClusterKind, number>> = { ccr: 2, dag: 16 }

const CLUSTER_NAMES: Record<ExchangeClusterKind, string> = { ccr: 'CCR cluster', scc: 'single copy cluster', dag: 'DAG', windows: 'Windows cluster' }

/** The Exchange install of the copy named `name`: its original's, out of its cluster when that cluster has no seat left. */
type Join = (exchange: ExchangeInstall | null, name: string) => ExchangeInstall | null

/** Counts each cluster's members, copies included as they are made; says in `notes` which copy stayed out of which. */
function clusterSeats(plan: Plan, notes: string[]): Join {
  const members = new Map<string, number>()
  const count = (exchange: ExchangeInstall | null) => {
    if (exchange?.cluster) members.set(exchange.cluster.id, (members.get(exchange.cluster.id) ?? 0) + 1)
  }
  for (const host of plan.hosts) {
    count(host.parent.exchange)
    for (const vm of host.vms) count(vm.exchange)
  }
  return (exchange, name) => {
    const cluster = exchange?.cluster
    if (!exchange || !cluster) return exchange
    const max = MAX_MEMBERS[cluster.kind]
    if (max !== undefined && (members.get(cluster.id) ?? 0) >= max) {
      notes.push(`${name} is in no cluster: ${CLUSTER_NAMES[cluster.kind]} ${cluster.id} already has its ${max} members`)
      return { ...exchange, cluster: null }
    }
    count(exchange)
    return exchange
  }
}
