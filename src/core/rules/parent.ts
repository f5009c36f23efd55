/**
 * A.2 Parent partition (root / host OS): what may run on the host OS of a virtualization host.
 * The capacity rules of the same section (disk, memory, processors) live in parent-capacity.ts.
 */
import { hasWindowsHostOs, type ExchangeVersion, type WindowsRole } from '../model/enums.ts'
import { EXCHANGE_VERSION_LABELS, HYPERVISOR_LABELS, WINDOWS_ROLE_LABELS } from '../model/labels.ts'
import type { Host, ParentPartition, Vm } from '../model/plan.ts'
import { PARENT_CAPACITY_RULES } from './parent-capacity.ts'
import { hostEdition, isHyperV } from './platform-limits.ts'
import { hypervisorName, joinAnd } from './platform-wording.ts'
import { quickFix, set } from './quick-fix.ts'
import { defineRule, type Explanation, type Rule } from './types.ts'

const SECTION = 'A.2 Parent partition'

/** The Exchange versions whose virtualization guidance names Active Directory as forbidden on the host (C.3, C.4). */
const AD_NAMED_VERSIONS: readonly ExchangeVersion[] = ['2013', '2016', '2019', 'se']

export const hostDedicatedToVirtualization = defineRule({
  id: 'host-dedicated-to-virtualization',
  severity: 'error',
  title: 'The host of Exchange VMs runs nothing but management software besides the guests',
  section: SECTION,
  source: 'Microsoft Exchange 2007 virtualization support policy (cc794548); Exchange 2013 and 2016/2019 virtualization; seed article (Windows Server 2008 Hyper-V)',
  perHost: true,
  check({ index, report }) {
    for (const host of index.plan.hosts) {
      // Asked first and listed only for a host that is reported: three lists per host were 0.45 MB at 10,000 VMs.
      if (!host.vms.some(isSupportedGuest)) continue
      // From Exchange 2013 on, Microsoft names Active Directory among what must not run on the host;
      // in a plan a domain controller is the host OS's AD DS role, not an application.
      const domainController = hasWindowsHostOs(host.hypervisor) && host.parent.roles.includes('ad-ds')
        && host.vms.some(isAdNamedGuest)
      if (!host.parent.applications.some(isServerApplication) && !domainController) continue
      const exchangeVms = host.vms.filter(isSupportedGuest)
      const names = host.parent.applications.filter(isServerApplication).map((app) => app.name)
      report(host.id, { host, exchangeVms, names, domainController }, explainNotDedicated)
    }
  },
})

/** An Exchange VM the support condition is about: Exchange 2007 and later (Exchange 2003 guests are outside it). */
const isSupportedGuest = (vm: Vm): boolean => vm.exchange !== null && vm.exchange.version !== '2003'
const isAdNamedGuest = (vm: Vm): boolean => vm.exchange !== null && AD_NAMED_VERSIONS.includes(vm.exchange.version)
const isServerApplication = (app: ParentPartition['applications'][number]): boolean => app.kind === 'server'

interface NotDedicated {
  host: Host
  /** Its Exchange 2007-and-later VMs. */
  exchangeVms: Vm[]
  /** The server applications on its host OS. */
  names: string[]
  domainController: boolean
}

function explainNotDedicated({ host, exchangeVms, names, domainController }: NotDedicated): Explanation {
  const guests = joinAnd(exchangeVms.map((vm) => vm.name))
  const runs = [
    ...(names.length > 0 ? [`${plural(names.length, 'server application')}: ${joinAnd(names)}`] : []),
    ...(domainController ? [`the ${WINDOWS_ROLE_LABELS['ad-ds']} role (a domain controller)`] : []),
  ]
  const moves = [...names, ...(domainController ? ['the domain controller'] : [])]
  // A hypervisor with no Windows host OS (ESX) runs what the plan lists beside it on the host itself.
  const hostOs = hasWindowsHostOs(host.hypervisor)
  return {
    related: exchangeVms.map((vm) => vm.id),
    message: `${host.name} runs Exchange VMs (${guests}), yet ${hostOs ? 'its host OS' : 'the host itself'} also runs ${runs.join('; and ')}.`,
    fix: `Move ${joinAnd(moves)} off ${host.name} (into a VM or onto another server); keep only management software such as antivirus, backup or monitoring agents on the ${hostOs ? 'host OS' : 'host'}.`,
  }
}

export const exchangeInParentPartition = defineRule({
  id: 'exchange-in-parent-partition',
  severity: 'error',
  title: 'Exchange must never be installed in the parent partition of a virtualization host',
  section: SECTION,
  source: 'Seed article (Windows Server 2008 Hyper-V); Exchange 2013 and 2016/2019 virtualization',
  perHost: true,
  check({ index, report }) {
    for (const host of index.plan.hosts) {
      if (host.parent.exchange === null || host.hypervisor === 'none') continue
      // VMware ESX and other bare-metal hypervisors have no Windows host OS: Exchange cannot be there at all.
      if (!hasWindowsHostOs(host.hypervisor)) {
        report(host.id, host, explainNoHostOsForExchange)
        continue
      }
      // Hyper-V turns the host OS into a partition itself; a hosted hypervisor counts once it runs guests.
      if (!isHyperV(host) && host.vms.length === 0) continue
      report(host.id, host, explainExchangeInParent)
    }
  },
})

/** The Exchange version installed on a host's own OS, in words. */
const parentExchange = (host: Host): string => EXCHANGE_VERSION_LABELS[host.parent.exchange!.version]

function explainNoHostOsForExchange(host: Host): Explanation {
  const version = parentExchange(host)
  return {
    message: `${version} is set as installed on ${host.name}'s host OS, but ${host.name} runs ${hypervisorName(host)}, which has no Windows host OS to install it on.`,
    fix: `Run ${version} in a VM on ${host.name}, or make ${host.name} a bare-metal Exchange server without a hypervisor.`,
  }
}

function explainExchangeInParent(host: Host): Explanation {
  const version = parentExchange(host)
  return {
    message: isHyperV(host)
      ? `${version} is installed on the host OS of ${host.name}, the parent partition of a ${HYPERVISOR_LABELS[host.hypervisor]} host.`
      : `${version} is installed on the host OS of ${host.name}, a ${HYPERVISOR_LABELS[host.hypervisor]} host that runs VMs.`,
    fix: `Uninstall Exchange from ${host.name}'s host OS and run it in a child VM instead (or make ${host.name} a bare-metal Exchange server without a hypervisor).`,
  }
}

export const parentHyperVOnlyRole = defineRule({
  id: 'parent-hyperv-only-role',
  severity: 'warning',
  title: 'Hyper-V should be the only role enabled on the host OS',
  section: SECTION,
  source: 'Hyper-V Best Practices Analyzer (rule 24); seed article (parent partition kept clean)',
  fixAll: true,
  perHost: true,
  check({ index, report, fixes }) {
    for (const host of index.plan.hosts) {
      if (!isHyperV(host)) continue
      const others = host.parent.roles.filter((role: WindowsRole) => role !== 'hyper-v')
      if (others.length === 0) continue
      report(host.id, { host, others }, explainOtherRoles, undefined, fixes ? quickFix('Keep only the Hyper-V role', set(host.id, 'parent.roles', ['hyper-v'])) : undefined)
    }
  },
})

function explainOtherRoles({ host, others }: { host: Host; others: WindowsRole[] }): Explanation {
  const names = others.map((role) => WINDOWS_ROLE_LABELS[role])
  return {
    message: `${host.name}'s host OS has the ${joinAnd(names)} ${others.length === 1 ? 'role' : 'roles'} besides Hyper-V.`,
    fix: `Remove ${joinAnd(names)} from ${host.name}'s host OS (run ${others.length === 1 ? 'it' : 'them'} in a VM if needed), leaving Hyper-V as its only role.`,
  }
}

export const parentServerCoreRecommended = defineRule({
  id: 'parent-server-core-recommended',
  severity: 'info',
  title: 'Server Core (or Hyper-V Server) is the preferred host OS for Hyper-V',
  section: SECTION,
  source: 'Seed article (Windows Server 2008 Hyper-V: Server Core advice); Hyper-V Best Practices Analyzer (rule 25)',
  fixAll: true,
  perHost: true,
  check({ index, report, fixes }) {
    for (const host of index.plan.hosts) {
      if (!isHyperV(host) || host.parent.installation !== 'full') continue
      // Hyper-V Server is Server Core-like already; a "full" value there has nothing to recommend.
      // Either way of saying it counts: the edition, or a hypervisor that is Hyper-V Server itself.
      if (hostEdition(host) === 'hyper-v-server') continue
      report(host.id, host, explainFullInstallation, undefined, fixes ? quickFix('Install it as Server Core', set(host.id, 'parent.installation', 'core')) : undefined)
    }
  },
})

const explainFullInstallation = (host: Host): Explanation => ({
  message: `${host.name}'s host OS is a full installation; Server Core has a smaller footprint, uses less memory, needs fewer patches and has a smaller attack surface.`,
  fix: `Install ${host.name}'s host OS as Server Core (or use Hyper-V Server), if your team can manage it from the command line and remote tools.`,
})

const plural = (count: number, noun: string) => (count === 1 ? `a ${noun}` : `${count} ${noun}s`)

export const PARENT_RULES: readonly Rule[] = [
  hostDedicatedToVirtualization,
  exchangeInParentPartition,
  parentHyperVOnlyRole,
  parentServerCoreRecommended,
  ...PARENT_CAPACITY_RULES,
]
