/**
 * A.6 Backup and restore: how an Exchange server's data is backed up, from the guest or the host.
 */
import type { ExchangeRole } from '../model/enums.ts'
import type { Backup, Host, VirtualDisk, Vm } from '../model/plan.ts'
import type { ExchangeServerRef, PlanIndex, VmRef } from '../validate/plan-index.ts'
import { guestOsLacksIntegrationComponents, lacksIntegrationComponents } from './guest-hyperv.ts'
import { icName, isHyperV, isHyperV2008Era, WS2003_GUESTS } from './platform-limits.ts'
import { quickFix, set } from './quick-fix.ts'
import { guestOsName, joinAnd } from './platform-wording.ts'
import { holdsData } from './storage-shared.ts'
import { defineRule, type Explanation, type QuickFix, type Rule, type Severity } from './types.ts'

const SECTION = 'A.6 Backup and restore'
/** Windows Server Backup, by the names architects give it (the seed: "Windows Server 2008 Backup"; its tool: wbadmin). */
const WINDOWS_SERVER_BACKUP = /windows server (2008 (r2 )?)?backup|\bwsb\b|\bwbadmin\b/i

/** A VM's own backup, or for a host OS (bare metal / parent partition) the host's. */
const backupOf = (server: ExchangeServerRef): Backup => server.vm?.backup ?? server.host.parent.backup

/**
 * The quick fix that moves a server's backup into the guest: an agent in the VM, or on a bare-metal
 * server (or host OS) itself. A host-level VSS product is kept as that agent, except Windows Server
 * Backup, which on the host is not one; a file-copy tool never is.
 */
function agentBackup({ vm, host }: { vm: Vm | null; host: Host }): QuickFix {
  const { method, product } = vm?.backup ?? host.parent.backup
  const keep = method === 'host-vss' && product !== undefined && !WINDOWS_SERVER_BACKUP.test(product)
  const backup: Backup = keep ? { method: 'agent', product } : { method: 'agent' }
  return vm
    ? quickFix('Back up from inside the guest', set(vm.id, 'backup', backup))
    : quickFix('Back up with an agent on the server', set(host.id, 'parent.backup', backup))
}

/** True when the server's databases have a copy on another server: a CCR or DAG with two or more members. */
function hasDatabaseCopies(index: PlanIndex, server: ExchangeServerRef): boolean {
  const cluster = server.exchange.cluster
  return cluster !== null && (cluster.kind === 'ccr' || cluster.kind === 'dag') && index.clusterMembers(cluster.id).length > 1
}

/**
 * How a backup misses Exchange: it copies files, Hyper-V can only save the VM, or it is a host-level
 * Hyper-V backup of a server with no hypervisor (bare metal).
 */
type Unaware = 'file-copy' | 'saved-vm' | 'not-a-vm'

/**
 * What makes a server's backup not Exchange-aware, or null when it is aware (or absent): a copy of
 * its files, or a host-level Hyper-V VSS backup of a VM that Hyper-V can only save, as it has no
 * integration components (none installed, or a guest OS without them).
 *
 * A host-level VSS backup of a VM with integration components reaches the Exchange writer; that it
 * captures VHD files only, not a database on a pass-through disk, is host-vss-backup-excludes-passthrough.
 */
function unawareBackup(server: ExchangeServerRef): Unaware | null {
  const { method } = backupOf(server)
  if (method === 'host-file-copy') return 'file-copy'
  if (method !== 'host-vss') return null
  // A host-level backup of a server with no hypervisor under it: there is no such thing (a Hyper-V
  // host's own OS is backed up by that VSS backup on itself, which reaches its Exchange writer).
  if (server.vm === null) return server.host.hypervisor === 'none' ? 'not-a-vm' : null
  if (!isHyperV(server.host) || !lacksIntegrationComponents(server.vm)) return null
  return 'saved-vm'
}

/** What `unawareBackup` found, in words. */
function unawareWords(server: ExchangeServerRef, unaware: Unaware): string {
  if (unaware === 'file-copy') {
    // A VM's files are copied from its host; a bare-metal server's own files, by a file-level tool.
    const from = server.vm ? ' from the host' : ''
    return `${server.name} is backed up by copying its files${from}, which neither checks the databases nor truncates the logs`
  }
  if (unaware === 'not-a-vm') {
    return `${server.name} is set to be backed up by a host-level Hyper-V VSS backup, which backs up the VMs of a Hyper-V host; ${server.name} is a bare-metal server, no VM of such a host, so its Exchange data is not backed up`
  }
  const without = server.vm!.integrationComponents === 'none'
    ? `without ${icName(server.host)}`
    : `of ${guestOsName(server.vm!.guestOs)}, which has no ${icName(server.host)}`
  return `${server.name} is backed up by a host-level Hyper-V VSS backup ${without}, so Hyper-V saves the VM instead of reaching the Exchange writer in the guest`
}

/**
 * The host-side backup a VM on Hyper-V can also have, as the end of a fix: not for a VM with Exchange
 * data on a pass-through or guest-attached disk, which that backup does not capture, nor for a guest
 * OS that cannot take the integration components it needs; nothing elsewhere.
 */
function orHostVss(server: ExchangeServerRef): string {
  const { vm, host } = server
  if (vm === null || !isHyperV(host) || guestOsLacksIntegrationComponents(vm.guestOs)) return ''
  if (vm.disks.some(missedByHostVss)) return ''
  return `, or a host-level Hyper-V VSS backup with ${icName(host)} installed`
}

/** Roles whose server keeps an Exchange (ESE) database: mailboxes, or the transport queue. */
const WITH_DATABASE: readonly ExchangeRole[] = ['mailbox', 'hub-transport', 'edge-transport']

export const backupMustBeExchangeAware = defineRule({
  id: 'backup-must-be-exchange-aware',
  severity: 'warning',
  severities: ['warning', 'error'],
  title: 'Exchange data must be backed up by an Exchange-aware (VSS or streaming) backup',
  section: SECTION,
  source: 'Seed article (Backup and Restore); KB958662; escalation to error derived',
  fixAll: true,
  perHost: true,
  check({ index, report, fixes }) {
    for (const server of index.exchangeServers) {
      const { roles } = server.exchange
      if (!roles.some((role) => WITH_DATABASE.includes(role))) continue
      const mailbox = roles.includes('mailbox')
      const unaware = unawareBackup(server)
      const noBackup = mailbox && backupOf(server).method === 'none'
      // A server with an Exchange-aware backup is passed over before its cluster is looked up.
      if (unaware === null && !noBackup) continue
      // Only mailbox databases have copies on other servers; without them, nothing else saves the data.
      const copies = mailbox && hasDatabaseCopies(index, server)
      // No backup at all is a finding for a Mailbox server without copies (a transport queue is rebuilt).
      const none = noBackup && !copies
      if (unaware === null && !none) continue
      const severity: Severity = mailbox && !copies ? 'error' : 'warning'
      report(server.id, { server, unaware, severity }, explainUnawareBackup, severity, fixes ? agentBackup(server) : undefined)
    }
  },
})

/**
 * A server whose backup is not Exchange-aware (`unaware`), or that has none (null); an error exactly
 * when it is a Mailbox server with no copy of its databases.
 */
interface UnawareBackup { server: ExchangeServerRef; unaware: Unaware | null; severity: Severity }

function explainUnawareBackup({ server, unaware, severity }: UnawareBackup): Explanation {
  const noCopies = severity === 'error' ? '; no CCR or DAG copy of its databases exists either' : ''
  const inside = server.vm ? 'inside the guest' : `on ${server.name} itself`
  return {
    related: server.vm ? [server.host.id] : [],
    message: `${unaware === null ? `${server.name} has no backup` : unawareWords(server, unaware)}${noCopies}.`,
    fix: `Back up ${server.name} with an Exchange-aware backup: an agent ${inside} (such as ${awareProducts(server)})${orHostVss(server)}.`,
  }
}

/**
 * Exchange-aware backups the server's Exchange can use. Windows Server Backup reads Exchange only from
 * Exchange 2007 SP2 on (its VSS plug-in); before, NTBackup does on Windows Server 2003, and on
 * Windows Server 2008 (which has no NTBackup) only DPM 2007 or a third party's agent.
 */
function awareProducts({ exchange, vm }: ExchangeServerRef): string {
  if (exchange.version === '2003') return 'DPM or NTBackup'
  if (exchange.version !== '2007' || !['rtm', 'sp1'].includes(exchange.update)) return 'DPM or Windows Server Backup with Exchange support'
  return vm !== null && WS2003_GUESTS.includes(vm.guestOs) ? 'DPM 2007 or NTBackup' : 'DPM 2007 or a third-party agent'
}

export const backupInGuestRecommended = defineRule({
  id: 'backup-in-guest-recommended',
  severity: 'info',
  title: 'Back up virtual Exchange 2007 servers from inside the guest',
  section: SECTION,
  source: 'Seed article (Backup and Restore); Microsoft Exchange 2007 virtualization support policy (cc794548), as summarised by expta.com',
  fixAll: true,
  perHost: true,
  check({ index, report, fixes }) {
    for (const server of index.exchangeServers) {
      // The condition is a host-level Hyper-V VSS backup; other hypervisors back up in other ways.
      if (server.vm === null || server.exchange.version !== '2007' || server.vm.backup.method !== 'host-vss' || !isHyperV(server.host)) continue
      report(server.id, server, explainHostVss2007, undefined, fixes ? agentBackup(server) : undefined)
    }
  },
})

const explainHostVss2007 = (server: ExchangeServerRef): Explanation => ({
  related: [server.host.id],
  message: `${server.name} runs Exchange 2007 and is backed up by a host-level VSS backup; the recommended method for Exchange 2007 is a backup agent inside the VM.`,
  fix: `Back up ${server.name} with an Exchange-aware agent inside the guest (such as ${awareProducts(server)}).`,
})

const NOT_IN_HOST_VSS = ['pass-through', 'iscsi-guest', 'fc-guest']
const NOT_IN_HOST_VSS_WORDS: Partial<Record<string, string>> = { 'pass-through': 'pass-through disk', 'iscsi-guest': 'guest iSCSI disk', 'fc-guest': 'guest Fibre Channel disk' }

/** True when a host-level VSS backup misses the Exchange data on the disk. */
function missedByHostVss(disk: VirtualDisk): boolean {
  return NOT_IN_HOST_VSS.includes(disk.kind) && holdsData(disk.contents)
}

/** "pass-through disks Database and Logs and guest iSCSI disk Queue" */
function byKind(disks: readonly VirtualDisk[]): string {
  const groups: string[] = []
  for (const kind of NOT_IN_HOST_VSS) {
    const names: string[] = []
    for (const disk of disks) if (disk.kind === kind) names.push(disk.name)
    if (names.length > 0) groups.push(`${NOT_IN_HOST_VSS_WORDS[kind]}${names.length > 1 ? 's' : ''} ${joinAnd(names)}`)
  }
  return joinAnd(groups)
}

export const hostVssBackupExcludesPassthrough = defineRule({
  id: 'host-vss-backup-excludes-passthrough',
  severity: 'warning',
  title: 'A host-level VSS backup does not capture pass-through or guest-attached disks',
  section: SECTION,
  source: 'Microsoft Exchange 2007 virtualization support policy (cc794548), as summarised by expta.com; Planning for Disks and Storage (Hyper-V)',
  // The fix changes each VM's own backup: safe together.
  fixAll: true,
  perHost: true,
  check({ index, report, fixes }) {
    // One finding per VM: the condition is about the VM's backup, and names every disk it misses.
    for (const ref of index.vms) {
      const { vm, host } = ref
      if (vm.exchange === null || vm.backup.method !== 'host-vss' || !isHyperV(host)) continue
      if (vm.disks.some(missedByHostVss)) report(vm.id, ref, explainMissedDisks, undefined, fixes ? agentBackup(ref) : undefined)
    }
  },
})

function explainMissedDisks({ vm, host }: VmRef): Explanation {
  const missed = vm.disks.filter(missedByHostVss)
  const names = joinAnd(missed.map((disk) => disk.name))
  return {
    related: [...missed.map((disk) => disk.id), host.id],
    message: `${vm.name} is backed up by a host-level VSS backup, which does not capture the Exchange data on its ${byKind(missed)}.`,
    fix: `Back up ${vm.name} with an Exchange-aware agent inside the guest, or move ${names} to ${missed.length > 1 ? 'fixed VHDs' : 'a fixed VHD'}.`,
  }
}

export const wsbHyperVWriterRegistration = defineRule({
  id: 'wsb-hyperv-writer-registration',
  severity: 'info',
  title: 'Windows Server Backup on a Windows Server 2008 host needs the Hyper-V VSS writer registered',
  section: SECTION,
  source: 'KB958662 (Back up Hyper-V VMs from the parent partition with Windows Server Backup); seed article (Backup and Restore)',
  perHost: true,
  check({ index, report }) {
    // One finding per host: the registration is a host setting, however many VMs it backs up. Its
    // list of VMs is made at its length: grown by push, with a map of hosts, it was 0.4 MB at 10,000 VMs.
    for (const { host, vms } of index.hosts) {
      if (!isHyperV2008Era(host)) continue
      let count = 0
      for (const { vm } of vms) if (backedUpByWsb(vm)) count += 1
      if (count === 0) continue
      const refs = new Array<VmRef>(count)
      let next = 0
      for (const ref of vms) if (backedUpByWsb(ref.vm)) refs[next++] = ref
      report(host.id, { host, refs }, explainWsbWriter)
    }
  },
})

/**
 * True when Windows Server Backup backs the VM up from its host. A file copy by Windows Server
 * Backup is what it does without the writer: the same advice.
 */
function backedUpByWsb({ backup: { method, product } }: Vm): boolean {
  return (method === 'host-vss' || method === 'host-file-copy') && WINDOWS_SERVER_BACKUP.test(product ?? '')
}

function explainWsbWriter({ host, refs }: { host: Host; refs: readonly VmRef[] }): Explanation {
  const names = joinAnd(refs.map((ref) => ref.vm.name))
  return {
    related: refs.map((ref) => ref.vm.id),
    message: `${host.name} backs up ${names} with Windows Server Backup, which sees Hyper-V VMs only once the Hyper-V VSS writer is registered for it; it cannot restore single VMs or handle CSV.`,
    fix: `Register the Hyper-V VSS writer with Windows Server Backup on ${host.name} (KB958662) and include every volume that holds VM files in the backup.`,
  }
}

export const BACKUP_RULES: readonly Rule[] = [
  backupMustBeExchangeAware,
  backupInGuestRecommended,
  hostVssBackupExcludesPassthrough,
  wsbHyperVWriterRegistration,
]
