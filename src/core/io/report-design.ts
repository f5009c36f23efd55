/**
 * The design a report's findings are about, as Markdown tables: the hosts with what their VMs take
 * of them, every server with its Exchange roles and disks, and the storage arrays. A reader of the
 * report (a customer, a reviewer) sees what was checked without opening vexplan.
 */
import {
  CONTROLLER_LABELS, DISK_CONTENT_LABELS, DISK_KIND_LABELS, EDITION_LABELS, EXCHANGE_CLUSTER_KIND_LABELS, EXCHANGE_ROLE_LABELS,
  EXCHANGE_VERSION_LABELS, GUEST_OS_LABELS, HYPERVISOR_LABELS, PROTOCOL_LABELS, updateLabel,
} from '../model/labels.ts'
import type { DiskContent } from '../model/enums.ts'
import type { ExchangeInstall, Host, Plan, VirtualDisk } from '../model/plan.ts'
import { hostMemory, physicalCores, virtualProcessorLoad } from '../rules/platform-limits.ts'
import { gb } from '../rules/platform-wording.ts'
import { markdownTable } from './markdown-escape.ts'

const NONE = '—'
const list = (items: readonly string[]) => (items.length > 0 ? items.join('; ') : NONE)

function exchangeText(install: ExchangeInstall | null): string {
  if (!install) return NONE
  const roles = install.roles.map((role) => EXCHANGE_ROLE_LABELS[role]).join(', ')
  const cluster = install.cluster ? `; ${EXCHANGE_CLUSTER_KIND_LABELS[install.cluster.kind]} ${install.cluster.id}` : ''
  return `${EXCHANGE_VERSION_LABELS[install.version]} ${updateLabel(install.update)}: ${roles}${cluster}`
}

function hardwareText(host: Host): string {
  const { sockets, coresPerSocket, threadsPerCore, ramGB } = host.hardware
  return `${sockets} × ${coresPerSocket} cores${threadsPerCore > 1 ? ' (Hyper-Threading)' : ''}, ${gb(ramGB)} RAM`
}

function hostRow(host: Host, name: (id: string) => string): string[] {
  const virtual = host.hypervisor !== 'none'
  const { neededGB } = hostMemory(host)
  return [
    host.name,
    HYPERVISOR_LABELS[host.hypervisor],
    hardwareText(host),
    host.cluster ?? NONE,
    virtual ? `${gb(neededGB)} of ${gb(host.hardware.ramGB)}` : NONE,
    virtual ? `${virtualProcessorLoad(host)} on ${physicalCores(host)} cores` : NONE,
    hostDisksText(host, name),
  ]
}

/** A host's own disks, for its row and, where it runs Exchange in its own OS, for that server's. */
const hostDisksText = (host: Host, name: (id: string) => string): string =>
  list(host.disks.map((disk) => `${disk.name}: ${gb(disk.sizeGB)}${disk.lun ? `, ${name(disk.lun)}` : ''}${contentsText(disk.contents)}`))

const contentsText = (contents: readonly DiskContent[]) => (contents.length ? ` (${contents.map((c) => DISK_CONTENT_LABELS[c]).join(', ')})` : '')

function diskText(disk: VirtualDisk, name: (id: string) => string): string {
  const where = disk.backing === null ? 'not connected' : `on ${name(disk.backing)}`
  const controller = disk.controller ? `, ${CONTROLLER_LABELS[disk.controller]}` : ''
  return `${disk.name}: ${DISK_KIND_LABELS[disk.kind]}, ${gb(disk.sizeGB)}${controller}, ${where}${contentsText(disk.contents)}`
}

/** The design's tables, each under its own heading (level 3), in plan order. */
export function designTables(plan: Plan): string[] {
  const names = new Map<string, string>()
  for (const host of plan.hosts) for (const disk of host.disks) names.set(disk.id, `${host.name}'s ${disk.name}`)
  for (const array of plan.storage) for (const lun of array.luns) names.set(lun.id, `${lun.name} of ${array.name}`)
  const name = (id: string) => names.get(id) ?? id

  const servers: string[][] = []
  for (const host of plan.hosts) {
    if (host.hypervisor === 'none' || host.parent.exchange) {
      const os = host.parent.edition === 'hyper-v-server' ? 'Hyper-V Server' : `Windows Server ${EDITION_LABELS[host.parent.edition]}`
      servers.push([host.name, host.hypervisor === 'none' ? 'Physical server' : `${host.name}'s host OS`, os,
        `${physicalCores(host)} cores`, gb(host.hardware.ramGB), exchangeText(host.parent.exchange), hostDisksText(host, name)])
    }
    for (const vm of host.vms) {
      servers.push([vm.name, `VM on ${host.name}`, GUEST_OS_LABELS[vm.guestOs], `${vm.vcpus} vCPU${vm.vcpus === 1 ? '' : 's'}`, gb(vm.ramGB), exchangeText(vm.exchange),
        list(vm.disks.map((disk) => diskText(disk, name)))])
    }
  }
  const lines = [
    `### Hosts (${plan.hosts.length})`, '',
    ...markdownTable(['Host', 'Hypervisor', 'Hardware', 'Host cluster', 'Memory used', 'Virtual processors', 'Disks'], plan.hosts.map((host) => hostRow(host, name))),
    '', `### Servers (${servers.length})`, '',
    ...markdownTable(['Server', 'Runs on', 'OS', 'Processors', 'Memory', 'Exchange', 'Disks'], servers),
  ]
  if (plan.storage.length > 0) {
    lines.push('', `### Storage arrays (${plan.storage.length})`, '',
      ...markdownTable(['Array', 'Protocol', 'LUNs'], plan.storage.map((array) => [
        array.name, PROTOCOL_LABELS[array.protocol], list(array.luns.map((lun) => `${lun.name}: ${gb(lun.sizeGB)}`)),
      ])))
  }
  return lines
}
