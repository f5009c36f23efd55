/**
 * A.1 Platform / hypervisor: which hypervisors Exchange 2007 is supported on, and what the host
 * hardware and host OS need before Hyper-V runs at all.
 */
import { VIRTUAL_SERVER_HYPERVISORS, type ExchangeVersion, type Hypervisor } from '../model/enums.ts'
import { EXCHANGE_VERSION_LABELS, HYPERVISOR_LABELS } from '../model/labels.ts'
import type { Host } from '../model/plan.ts'
import type { ExchangeServerRef, ExchangeVmRef } from '../validate/plan-index.ts'
import { hyperVFamily, isHyperV, isHyperV2008Era } from './platform-limits.ts'
import { hypervisorName, joinAnd } from './platform-wording.ts'
import { quickFix, set } from './quick-fix.ts'
import { defineRule, type Explanation, type QuickFix, type Rule } from './types.ts'

const SECTION = 'A.1 Platform / hypervisor'

/** The hypervisors Microsoft's Exchange 2007 policy names: Hyper-V 2008 and 2008 R2, role or free product. */
const E2007_HYPERVISORS: readonly Hypervisor[] = [
  'hyper-v-2008', 'hyper-v-server-2008', 'hyper-v-2008-r2', 'hyper-v-server-2008-r2',
]
/** Third-party hypervisors count only once they have passed the SVVP. */
export const SVVP_HYPERVISORS: readonly Hypervisor[] = ['vmware-esx', 'third-party']
/** Hosted virtualization without 64-bit guests. */
/** The free Hyper-V Server products, as opposed to the Hyper-V role of a Windows Server edition. */

/** The hypervisors one Exchange version may run on besides SVVP-validated ones, as a rule words them. */
export interface SupportedHypervisors { accepts: (host: Host) => boolean; allowed: string; advice: string }

/**
 * A hypervisor rule (error): a VM of one of `versions` on a host whose hypervisor is neither one the
 * version accepts nor one validated under the SVVP (VMware ESX or a third party, marked so).
 */
export function hypervisorRule(
  meta: Pick<Rule, 'id' | 'title' | 'section' | 'source'>, versions: readonly ExchangeVersion[], { accepts, allowed, advice }: SupportedHypervisors,
): Rule {
  // Made once per rule, not per finding: they close over this rule's words only, never a VM.
  function explainNotValidated({ vm, host, exchange }: ExchangeVmRef): Explanation {
    const version = EXCHANGE_VERSION_LABELS[exchange.version]
    return {
      related: [host.id],
      message: `${vm.name} runs ${version} on ${host.name} (${hypervisorName(host)}), which is not marked as validated under the Server Virtualization Validation Program (SVVP); Microsoft supports virtualized ${version} only on ${allowed}, or an SVVP-validated hypervisor.`,
      fix: `Use a hypervisor version listed in the SVVP catalogue for ${host.name} (and mark it SVVP-validated), or move ${vm.name} to ${advice}.`,
    }
  }
  function explainUnsupported({ vm, host, exchange }: ExchangeVmRef): Explanation {
    const version = EXCHANGE_VERSION_LABELS[exchange.version]
    return {
      related: [host.id],
      message: `${vm.name} runs ${version} on ${host.name} (${hypervisorName(host)}); Microsoft supports virtualized ${version} only on ${allowed}, or an SVVP-validated hypervisor.`,
      fix: `Move ${vm.name} to ${advice}, or to an SVVP-validated hypervisor.`,
    }
  }
  return defineRule({
    ...meta,
    severity: 'error',
    perHost: true,
    check({ index, report }) {
      for (const ref of index.exchangeVmsOf(versions)) {
        const { host } = ref
        if (accepts(host)) continue
        const svvp = SVVP_HYPERVISORS.includes(host.hypervisor)
        if (svvp && host.svvpValidated) continue
        report(ref.vm.id, ref, svvp ? explainNotValidated : explainUnsupported)
      }
    },
  })
}

export const e2007HypervisorSupported = hypervisorRule({
  id: 'e2007-hypervisor-supported',
  title: 'Exchange 2007 is supported only on Hyper-V 2008/2008 R2 or an SVVP-validated hypervisor',
  section: SECTION,
  source: 'Seed article (intro, Virtual Exchange Servers, Conclusion); Microsoft Exchange 2007 virtualization support policy (cc794548); KB 897615; SVVP',
}, ['2007'], {
  accepts: (host) => E2007_HYPERVISORS.includes(host.hypervisor),
  allowed: 'Hyper-V 2008 / 2008 R2',
  advice: 'a Windows Server 2008 or 2008 R2 Hyper-V (or Hyper-V Server) host',
})

export const e2007NotOnVirtualServer = defineRule({
  id: 'e2007-not-on-virtual-server',
  severity: 'error',
  title: 'Exchange 2007 cannot run on Virtual Server 2005 R2 or Virtual PC (no 64-bit guests)',
  section: SECTION,
  source: 'Windows IT Pro column on the Exchange 2007 virtualization policy; "Technical Architecture of Exchange 2007" (as quoted)',
  perHost: true,
  check({ index, report }) {
    for (const ref of index.exchangeServers) {
      const { exchange, host, vm } = ref
      if (vm === null || exchange.version !== '2007') continue
      if (!VIRTUAL_SERVER_HYPERVISORS.includes(host.hypervisor)) continue
      report(ref.id, ref, explainNoVirtualServer)
    }
  },
})

const explainNoVirtualServer = ({ name, host }: ExchangeServerRef): Explanation => ({
  related: [host.id],
  message: `${name} runs Exchange 2007 on ${host.name} (${hypervisorName(host)}), which cannot run the 64-bit guests production Exchange 2007 needs.`,
  fix: `Move ${name} to a Windows Server 2008 or 2008 R2 Hyper-V host (keep ${hypervisorName(host)} for 32-bit lab builds only).`,
})

export const hostCpuVirtualizationPrereqs = defineRule({
  id: 'host-cpu-virtualization-prereqs',
  severity: 'error',
  title: 'Hyper-V needs an x64 processor with hardware virtualization and DEP enabled',
  section: SECTION,
  source: 'Seed article (Windows Server 2008 Hyper-V); Hardware Considerations for Hyper-V in Windows Server 2008 (cc816844)',
  fixAll: true,
  perHost: true,
  check({ index, report, fixes }) {
    for (const host of index.plan.hosts) {
      if (!isHyperV(host)) continue
      const { x64, hardwareVirtualization, dep } = host.hardware
      if (x64 && hardwareVirtualization && dep) continue
      // Switching BIOS settings on is mechanical; a processor that is not x64 needs new hardware.
      report(host.id, host, explainCpuPrereqs, undefined, fixes && x64 ? biosFix(host) : undefined)
    }
  },
})

function explainCpuPrereqs(host: Host): Explanation {
  const { x64, hardwareVirtualization, dep } = host.hardware
  const features = [
    hardwareVirtualization ? null : 'hardware-assisted virtualization (Intel VT / AMD-V)',
    dep ? null : 'hardware DEP (Intel XD / AMD NX)',
  ].filter((item): item is string => item !== null)
  const problems = [x64 ? null : 'its processor is not x64', ...features.map((item) => `${item} is missing or switched off`)]
    .filter((item): item is string => item !== null)
  return {
    message: `${host.name} runs ${hypervisorName(host)}, but ${joinAnd(problems)}.`,
    fix: x64
      ? `Enable ${joinAnd(features)} in ${host.name}'s BIOS and power-cycle it; if its processor lacks ${features.length === 1 ? 'it' : 'them'}, use a server that has ${features.length === 1 ? 'it' : 'them'}.`
      : `Replace ${host.name} with an x64 server that supports Intel VT / AMD-V and DEP, and enable both in the BIOS.`,
  }
}

/** Switches on, in the BIOS, whichever of hardware virtualization and DEP is off. */
function biosFix(host: Host): QuickFix {
  const { hardwareVirtualization, dep } = host.hardware
  const names = [hardwareVirtualization ? null : 'VT', dep ? null : 'DEP'].filter((name) => name !== null)
  return quickFix(
    `Enable ${names.join(' and ')} in the BIOS`,
    ...(hardwareVirtualization ? [] : [set(host.id, 'hardware.hardwareVirtualization', true)]),
    ...(dep ? [] : [set(host.id, 'hardware.dep', true)]),
  )
}

export const hostOsHyperVEdition = defineRule({
  id: 'host-os-hyperv-edition',
  severity: 'error',
  title: 'Hyper-V 2008 exists only in the x64 Standard, Enterprise and Datacenter editions and in Hyper-V Server',
  section: SECTION,
  source: 'Seed article (Windows Server 2008 Hyper-V: x64 only); Hardware Considerations for Hyper-V in Windows Server 2008 (cc816844)',
  perHost: true,
  check({ index, report }) {
    for (const host of index.plan.hosts) {
      const family = hyperVFamily(host)
      if (family !== 'hv2008' && family !== 'hv2008r2') continue
      // Every edition the plan format names (Standard, Enterprise, Datacenter, Hyper-V Server) has
      // Hyper-V; what it cannot be is an x86 build, which is all a host without x64 processors runs.
      if (host.hardware.x64) continue
      report(host.id, { host, family }, explainNotX64)
    }
  },
})

function explainNotX64({ host, family }: { host: Host; family: 'hv2008' | 'hv2008r2' }): Explanation {
  return {
    message: family === 'hv2008'
      ? `${host.name}'s processors are not x64, so its host OS could only be an x86 edition of Windows Server; Hyper-V exists only in the x64 editions and in Hyper-V Server.`
      : `${host.name}'s processors are not x64, and Windows Server 2008 R2 and Hyper-V Server 2008 R2 run only on x64 processors.`,
    fix: `Give ${host.name} x64 processors and an x64 host OS: Windows Server Standard, Enterprise or Datacenter x64, or Hyper-V Server.`,
  }
}

export const hostDesignedForWindowsHardware = defineRule({
  id: 'host-designed-for-windows-hardware',
  severity: 'warning',
  title: 'Host hardware should be listed in the Windows Server Catalog',
  section: SECTION,
  source: 'Seed article ("Designed for Windows" hardware); Hyper-V hardware considerations (cc816844, ee405267)',
  perHost: true,
  check({ index, report }) {
    for (const host of index.plan.hosts) {
      if (!host.hardware.certified) report(host.id, host, explainNotCertified)
    }
  },
})

const explainNotCertified = (host: Host): Explanation => ({
  message: isHyperV(host)
    ? `${host.name}'s hardware is not listed in the Windows Server Catalog as qualified for Hyper-V.`
    : `${host.name}'s hardware is not listed in the Windows Server Catalog.`,
  // The 2008 R2 logo is that era's mark; later hosts are certified for their own Windows Server.
  fix: `Use a server model listed in the Windows Server Catalog${!isHyperV(host) ? '' : isHyperV2008Era(host) ? ' with the Hyper-V qualification (or the Windows Server 2008 R2 logo)' : ` as certified for ${HYPERVISOR_LABELS[host.hypervisor].replace(/ Hyper-V$/, '')} with the Hyper-V qualification`} for ${host.name}.`,
})

export const PLATFORM_RULES: readonly Rule[] = [
  e2007HypervisorSupported,
  e2007NotOnVirtualServer,
  hostCpuVirtualizationPrereqs,
  hostOsHyperVEdition,
  hostDesignedForWindowsHardware,
]
