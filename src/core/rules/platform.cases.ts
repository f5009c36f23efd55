import type { Hypervisor } from '../model/enums.ts'
import type { Plan } from '../model/plan.ts'
import { edit, first, host, physicalDisk, soundPlan } from '../testing/plan-builder.ts'
import type { RuleCases } from '../testing/rule-cases.ts'

const onHypervisor = (hypervisor: Hypervisor, svvpValidated = false): Plan =>
  edit(soundPlan(), (d) => Object.assign(first(d).host, { hypervisor, svvpValidated }))

const withVersion = (p: Plan, version: '2007' | '2010'): Plan =>
  edit(p, (d) => { first(d).vm.exchange!.version = version })

/** A bare-metal Exchange 2007 server next to the sound host. */
const bareMetal = (change: (h: ReturnType<typeof host>) => void = () => {}): Plan => edit(soundPlan(), (d) => {
  const server = host({
    id: 'mbx02', hypervisor: 'none',
    disks: [physicalDisk({ id: 'mbx02-os', name: 'Disk 0', online: true, contents: ['os', 'database', 'logs'] })],
  })
  server.parent.roles = []
  server.parent.exchange = { version: '2007', update: 'sp1', roles: ['mailbox'], cluster: null }
  change(server)
  d.hosts.push(server)
})

export const cases: RuleCases[] = [
  {
    rule: 'e2007-hypervisor-supported',
    fires: [
      { name: 'Exchange 2007 VM on VMware ESX without SVVP', plan: onHypervisor('vmware-esx'), subjects: ['ex01'] },
      { name: 'Exchange 2007 VM on a third-party hypervisor without SVVP', plan: onHypervisor('third-party'), subjects: ['ex01'] },
      { name: 'Exchange 2007 VM on Windows Server 2012 Hyper-V', plan: onHypervisor('hyper-v-2012'), subjects: ['ex01'] },
      { name: 'Exchange 2007 VM on Virtual Server 2005 R2 SP1 (also e2007-not-on-virtual-server)', plan: onHypervisor('virtual-server-2005-r2-sp1'), subjects: ['ex01'] },
    ],
    silent: [
      { name: 'the sound plan (Windows Server 2008 Hyper-V)', plan: soundPlan() },
      { name: 'Hyper-V Server 2008 R2', plan: onHypervisor('hyper-v-server-2008-r2') },
      { name: 'SVVP-validated VMware ESX', plan: onHypervisor('vmware-esx', true) },
      { name: 'SVVP-validated third-party hypervisor', plan: onHypervisor('third-party', true) },
      { name: 'an Exchange 2010 VM on ESX (another version)', plan: withVersion(onHypervisor('vmware-esx'), '2010') },
      { name: 'Exchange 2007 on bare metal', plan: bareMetal() },
    ],
  },
  {
    rule: 'e2007-not-on-virtual-server',
    fires: [
      { name: 'Exchange 2007 VM on Virtual Server 2005 R2 SP1', plan: onHypervisor('virtual-server-2005-r2-sp1'), subjects: ['ex01'] },
      { name: 'Exchange 2007 VM on Virtual PC', plan: onHypervisor('virtual-pc'), subjects: ['ex01'] },
    ],
    silent: [
      { name: 'the sound plan', plan: soundPlan() },
      { name: 'an Exchange 2010 VM on Virtual Server', plan: withVersion(onHypervisor('virtual-server-2005-r2-sp1'), '2010') },
    ],
  },
  {
    rule: 'host-cpu-virtualization-prereqs',
    fires: [
      { name: 'hardware virtualization off', plan: edit(soundPlan(), (d) => { first(d).host.hardware.hardwareVirtualization = false }), subjects: ['hv01'] },
      { name: 'DEP off', plan: edit(soundPlan(), (d) => { first(d).host.hardware.dep = false }), subjects: ['hv01'] },
      { name: 'no x64 processor', plan: edit(soundPlan(), (d) => { first(d).host.hardware.x64 = false }), subjects: ['hv01'] },
    ],
    silent: [
      { name: 'the sound plan', plan: soundPlan() },
      { name: 'bare metal without hardware virtualization', plan: bareMetal((h) => { h.hardware.hardwareVirtualization = false }) },
      { name: 'VMware ESX (not Hyper-V)', plan: edit(onHypervisor('vmware-esx', true), (d) => { first(d).host.hardware.dep = false }) },
    ],
  },
  {
    rule: 'host-os-hyperv-edition',
    fires: [
      { name: 'WS2008 Hyper-V host without x64 processors (an x86 host OS)', plan: edit(soundPlan(), (d) => { first(d).host.hardware.x64 = false }), subjects: ['hv01'] },
      { name: 'Hyper-V Server 2008 R2 host without x64 processors', plan: edit(onHypervisor('hyper-v-server-2008-r2'), (d) => { first(d).host.hardware.x64 = false }), subjects: ['hv01'] },
    ],
    silent: [
      { name: 'the sound plan (WS2008 Enterprise x64)', plan: soundPlan() },
      { name: 'Hyper-V Server 2008 with edition Hyper-V Server', plan: edit(onHypervisor('hyper-v-server-2008'), (d) => { first(d).host.parent.edition = 'hyper-v-server' }) },
      { name: 'Hyper-V role with edition Hyper-V Server (an edition that has Hyper-V)', plan: edit(soundPlan(), (d) => { first(d).host.parent.edition = 'hyper-v-server' }) },
      { name: 'WS2012 Hyper-V host without x64 processors (not a 2008 host)', plan: edit(withVersion(onHypervisor('hyper-v-2012'), '2010'), (d) => { first(d).host.hardware.x64 = false }) },
    ],
  },
  {
    rule: 'host-designed-for-windows-hardware',
    fires: [
      { name: 'Hyper-V host not in the catalogue', plan: edit(soundPlan(), (d) => { first(d).host.hardware.certified = false }), subjects: ['hv01'] },
      { name: 'bare-metal server not in the catalogue', plan: bareMetal((h) => { h.hardware.certified = false }), subjects: ['mbx02'] },
    ],
    silent: [
      { name: 'the sound plan', plan: soundPlan() },
      { name: 'a certified bare-metal server', plan: bareMetal() },
    ],
  },
]
