import type { Hypervisor } from '../model/enums.ts'
import type { Host, PhysicalDisk, Plan } from '../model/plan.ts'
import { edit, first, host, physicalDisk, soundPlan, virtualDisk, vm } from '../testing/plan-builder.ts'
import type { RuleCases } from '../testing/rule-cases.ts'

const onHost = (change: (h: Host) => void): Plan => edit(soundPlan(), (d) => change(first(d).host))

const onHypervisor = (hypervisor: Hypervisor, change: (h: Host) => void = () => {}): Plan =>
  onHost((h) => { h.hypervisor = hypervisor; change(h) })

/** EX01 with 1.1 GB and a second VM with 2.2 GB: 3.3 GB, which floating point adds up to 3.3000000000000003. */
const decimalVms = (h: Host) => {
  h.vms[0]!.ramGB = 1.1
  h.vms.push(vm({ id: 'ex02', ramGB: 2.2, exchange: null, roles: ['file-server'] }))
}

/** A bare-metal server next to the sound host, changed by `change`. */
const bareMetal = (change: (h: Host) => void): Plan => edit(soundPlan(), (d) => {
  const server = host({
    id: 'mbx02', hypervisor: 'none',
    disks: [physicalDisk({ id: 'mbx02-os', name: 'Disk 0', sizeGB: 8, online: true, contents: ['os', 'database', 'logs'] })],
  })
  server.parent.roles = []
  server.parent.exchange = { version: '2007', update: 'sp1', roles: ['mailbox'], cluster: null }
  change(server)
  d.hosts.push(server)
})

/** Exchange 2007 Hub Transport installed on a host's OS. */
const hubInParent = (h: Host) => { h.parent.exchange = { version: '2007', update: 'sp1', roles: ['hub-transport'], cluster: null } }

/** The host's system disk (`hv01-os`) made `sizeGB` big and holding `contents`. */
const systemDisk = (sizeGB: number, contents: PhysicalDisk['contents']) => (h: Host) => { Object.assign(h.disks[0]!, { sizeGB, contents }) }

const sqlServer = { name: 'SQL Server 2008', kind: 'server' as const }

/** EX01 made Exchange 2013 on Windows Server 2012 R2 Hyper-V, whose host OS is also a domain controller. */
const exchange2013WithDc = (h: Host) => {
  h.hypervisor = 'hyper-v-2012-r2'
  h.vms[0]!.guestOs = 'ws2012-r2'
  h.vms[0]!.exchange = { version: '2013', update: 'cu23', roles: ['mailbox', 'client-access'], cluster: null }
  h.parent.roles = ['hyper-v', 'ad-ds']
}

const shape = (sockets: number, coresPerSocket: number, threadsPerCore: 1 | 2) =>
  (h: Host) => Object.assign(h.hardware, { sockets, coresPerSocket, threadsPerCore })

/** A fixed VHD of `sizeGB` for EX01, its file on the host's system disk. */
const vhdOnSystemDisk = (sizeGB: number) => (h: Host) => {
  h.vms[0]!.disks.push(virtualDisk({ id: 'ex01-data', name: 'Data', kind: 'fixed-vhd', controller: 'scsi1', sizeGB, backing: 'hv01-os', contents: ['other'] }))
}

export const cases: RuleCases[] = [
  {
    rule: 'host-dedicated-to-virtualization',
    fires: [
      { name: 'SQL Server on the host of an Exchange VM', plan: onHost((h) => { h.parent.applications = [sqlServer] }), subjects: ['hv01'] },
      { name: 'a domain controller on the host of an Exchange 2013 VM (E2013-VIRT names AD)', plan: onHost(exchange2013WithDc), subjects: ['hv01'] },
    ],
    silent: [
      { name: 'the sound plan', plan: soundPlan() },
      { name: 'only management software on the host', plan: onHost((h) => { h.parent.applications = [{ name: 'Antivirus', kind: 'management' }] }) },
      { name: 'the host runs no Exchange VM', plan: onHost((h) => { h.parent.applications = [sqlServer]; h.vms[0]!.exchange = null }) },
      { name: 'the host runs an Exchange 2003 VM only', plan: onHost((h) => { h.parent.applications = [sqlServer]; h.vms[0]!.exchange!.version = '2003' }) },
      { name: 'a bare-metal Exchange server with SQL Server', plan: bareMetal((h) => { h.parent.applications = [sqlServer] }) },
      { name: 'a domain controller on the host of an Exchange 2007 VM (only the role warning: MS-E07 names applications)', plan: onHost((h) => { h.parent.roles = ['hyper-v', 'ad-ds'] }) },
      { name: 'the AD DS role left on a host turned VMware ESX, which has no Windows host OS', plan: onHost((h) => { exchange2013WithDc(h); h.hypervisor = 'vmware-esx'; h.svvpValidated = true }) },
    ],
  },
  {
    rule: 'exchange-in-parent-partition',
    fires: [
      { name: 'Exchange 2007 on a Hyper-V host OS', plan: onHost((h) => { h.parent.exchange = { version: '2007', update: 'sp1', roles: ['hub-transport'], cluster: null } }), subjects: ['hv01'] },
      { name: 'Exchange set on the "host OS" of VMware ESX, which has none', plan: onHypervisor('vmware-esx', (h) => { h.parent.exchange = { version: '2007', update: 'sp1', roles: ['hub-transport'], cluster: null } }), subjects: ['hv01'] },
      {
        name: 'Exchange set on the "host OS" of a VMware ESX host with no VMs (ESX has no host OS, VMs or not)',
        plan: onHypervisor('vmware-esx', (h) => { hubInParent(h); h.vms = [] }),
        subjects: ['hv01'],
        severity: 'error',
      },
      { name: 'Exchange 2010 on the host OS of a Virtual Server host with VMs', plan: onHypervisor('virtual-server-2005-r2-sp1', (h) => { h.parent.exchange = { version: '2010', update: 'sp1', roles: ['mailbox'], cluster: null } }), subjects: ['hv01'] },
    ],
    silent: [
      { name: 'the sound plan', plan: soundPlan() },
      { name: 'Exchange on a bare-metal server', plan: bareMetal(() => {}) },
      {
        name: 'Exchange on the host OS of a Virtual Server host that runs no VMs yet (a hosted hypervisor without guests is a plain server)',
        plan: onHypervisor('virtual-server-2005-r2-sp1', (h) => { hubInParent(h); h.vms = [] }),
      },
    ],
  },
  {
    rule: 'parent-hyperv-only-role',
    fires: [
      { name: 'AD DS and DNS on the Hyper-V host OS', plan: onHost((h) => { h.parent.roles = ['hyper-v', 'ad-ds', 'dns'] }), subjects: ['hv01'], severity: 'warning' },
    ],
    silent: [
      { name: 'the sound plan', plan: soundPlan() },
      { name: 'roles on a bare-metal server', plan: bareMetal((h) => { h.parent.roles = ['ad-ds', 'dns'] }) },
    ],
  },
  {
    rule: 'parent-server-core-recommended',
    fires: [
      { name: 'full installation of the Hyper-V host OS', plan: onHost((h) => { h.parent.installation = 'full' }), subjects: ['hv01'], severity: 'info' },
    ],
    silent: [
      { name: 'the sound plan (Server Core)', plan: soundPlan() },
      { name: 'Hyper-V Server', plan: onHypervisor('hyper-v-server-2008', (h) => { h.parent.edition = 'hyper-v-server'; h.parent.installation = 'full' }) },
      // The hypervisor alone says it is Hyper-V Server: "(or use Hyper-V Server)" would be advice it has taken.
      { name: 'Hyper-V Server 2008 R2 with the edition left at Enterprise', plan: onHypervisor('hyper-v-server-2008-r2', (h) => { h.parent.edition = 'enterprise'; h.parent.installation = 'full' }) },
      { name: 'the edition Hyper-V Server on Windows Server 2008 Hyper-V', plan: onHypervisor('hyper-v-2008', (h) => { h.parent.edition = 'hyper-v-server'; h.parent.installation = 'full' }) },
      { name: 'a full installation on bare metal', plan: bareMetal((h) => { h.parent.installation = 'full' }) },
    ],
  },
  {
    rule: 'host-storage-for-root-and-bin-files',
    fires: [
      { name: 'system disk too small for the root and EX01’s BIN file', plan: onHost((h) => { h.disks[0]!.sizeGB = 15 }), subjects: ['hv01-os'] },
      { name: 'a VHD fills the system disk', plan: onHost(vhdOnSystemDisk(130)), subjects: ['hv01-os'] },
      {
        name: 'separate VM-file disk too small for the BIN file',
        plan: onHost((h) => {
          h.disks[0]!.contents = ['os']
          h.disks.push(physicalDisk({ id: 'hv01-vm', name: 'Disk 4', sizeGB: 5, online: true, contents: ['vm-files'] }))
        }),
        subjects: ['hv01-vm'],
      },
      {
        name: 'two VMs’ BIN files on one system disk add up (20 GB: 10 GB root + 8 GB + 8 GB)',
        plan: onHost((h) => { h.disks[0]!.sizeGB = 20; h.vms.push(vm({ id: 'app01', exchange: null, backup: { method: 'none' } })) }),
        subjects: ['hv01-os'],
      },
      {
        name: 'an 8 GB system disk with the VM files on another disk still needs 10 GB for the root',
        plan: onHost((h) => {
          systemDisk(8, ['os'])(h)
          h.disks.push(physicalDisk({ id: 'hv01-vm', name: 'Disk 4', sizeGB: 100, online: true, contents: ['vm-files'] }))
        }),
        subjects: ['hv01-os'],
      },
      { name: 'no disk marked for VM files: the 15 GB system disk holds the root and EX01’s BIN file', plan: onHost(systemDisk(15, ['os'])), subjects: ['hv01-os'] },
      {
        name: 'two VM-file disks: the BIN file goes with the VM’s OS VHD to the second one, which is too small',
        plan: onHost((h) => {
          systemDisk(146, ['os'])(h)
          h.disks.push(
            physicalDisk({ id: 'hv01-vm1', name: 'Disk 4', sizeGB: 100, online: true, contents: ['vm-files'] }),
            physicalDisk({ id: 'hv01-vm2', name: 'Disk 5', sizeGB: 15, online: true, contents: ['vm-files'] }),
          )
          Object.assign(h.vms[0]!.disks[0]!, { kind: 'fixed-vhd', sizeGB: 10, backing: 'hv01-vm2' })
        }),
        subjects: ['hv01-vm2'],
      },
      {
        name: 'Virtual Server 2005 R2 host: a 65 GB system disk holding a 60 GB VHD leaves no 10 GB for the host OS',
        plan: onHypervisor('virtual-server-2005-r2-sp1', (h) => { systemDisk(65, ['os', 'vm-files'])(h); vhdOnSystemDisk(60)(h) }),
        subjects: ['hv01-os'],
      },
    ],
    silent: [
      { name: 'the sound plan', plan: soundPlan() },
      { name: 'system disk exactly big enough', plan: onHost((h) => { h.disks[0]!.sizeGB = 18 }) },
      {
        name: 'Virtual Server 2005 R2 host with a 15 GB system disk (no BIN files: only Hyper-V keeps one per VM)',
        plan: onHypervisor('virtual-server-2005-r2-sp1', systemDisk(15, ['os', 'vm-files'])),
      },
      { name: 'VMware ESX host with a small system disk (no Windows host OS)', plan: onHypervisor('vmware-esx', systemDisk(8, ['os', 'vm-files'])) },
      {
        name: 'a VM-file disk exactly big enough for BIN files of 1.1 GB and 2.2 GB',
        plan: onHost((h) => {
          decimalVms(h)
          h.disks[0]!.contents = ['os']
          h.disks.push(physicalDisk({ id: 'hv01-vm', name: 'Disk 4', sizeGB: 3.3, online: true, contents: ['vm-files'] }))
        }),
      },
      { name: 'a VHD that still fits', plan: onHost(vhdOnSystemDisk(120)) },
      {
        name: 'separate VM-file disk big enough, small system disk',
        plan: onHost((h) => {
          h.disks[0]!.contents = ['os']
          h.disks[0]!.sizeGB = 12
          h.disks.push(physicalDisk({ id: 'hv01-vm', name: 'Disk 4', sizeGB: 8, online: true, contents: ['vm-files'] }))
        }),
      },
      { name: 'a small system disk on bare metal', plan: bareMetal(() => {}) },
      {
        name: 'a second Hyper-V host with no VMs and an 8 GB system disk (nothing runs there yet)',
        plan: edit(soundPlan(), (d) => {
          d.hosts.push(host({ id: 'hv02', disks: [physicalDisk({ id: 'hv02-os', sizeGB: 8, online: true, contents: ['os', 'vm-files'] })] }))
        }),
      },
      { name: 'no host disk marked as system or VM-file disk (nowhere to check)', plan: onHost(systemDisk(146, [])) },
      {
        name: 'a data disk (neither system nor VM-file disk) overfilled by a VHD (capacity-sum-check speaks instead)',
        plan: onHost((h) => {
          h.disks.push(physicalDisk({ id: 'hv01-vhd', name: 'Disk 4', sizeGB: 100, online: true }))
          h.vms[0]!.disks.push(virtualDisk({ id: 'ex01-data', name: 'Data', kind: 'fixed-vhd', controller: 'scsi1', sizeGB: 200, backing: 'hv01-vhd', contents: ['other'] }))
        }),
      },
    ],
  },
  {
    rule: 'host-memory-not-overcommitted',
    fires: [
      { name: 'VM memory plus parent reserve above host RAM', plan: onHost((h) => { h.vms[0]!.ramGB = 31 }), subjects: ['hv01'] },
      { name: 'Hyper-V 2016 host (static memory) overcommitted', plan: onHypervisor('hyper-v-2016', (h) => { h.vms[0]!.ramGB = 31 }), subjects: ['hv01'] },
      { name: '1.1 GB + 2.2 GB of VMs and the reserve on a 5.29 GB host', plan: onHost((h) => { decimalVms(h); h.hardware.ramGB = 5.29 }), subjects: ['hv01'] },
      {
        name: 'Hyper-V 2012: the static-memory VMs alone are more than the host has',
        plan: onHypervisor('hyper-v-2012', (h) => { h.vms[0]!.ramGB = 31; h.vms.push(vm({ id: 'app01', ramGB: 8, dynamicMemory: true, exchange: null, roles: ['file-server'] })) }),
        subjects: ['hv01'],
      },
      {
        name: 'Hyper-V 2008 (no Dynamic Memory) with a VM marked dynamic: the VMs cannot start',
        plan: onHost((h) => { h.vms[0]!.ramGB = 31; h.vms[0]!.dynamicMemory = true }),
        subjects: ['hv01'],
      },
    ],
    silent: [
      { name: 'the sound plan', plan: soundPlan() },
      { name: 'VM memory plus parent reserve exactly host RAM', plan: onHost((h) => { h.vms[0]!.ramGB = 30 }) },
      { name: '1.1 GB + 2.2 GB of VMs and the reserve on a 5.3 GB host (exactly, in decimal)', plan: onHost((h) => { decimalVms(h); h.hardware.ramGB = 5.3 }) },
      { name: 'a bare-metal server with little RAM', plan: bareMetal((h) => { h.hardware.ramGB = 1 }) },
      { name: 'VMware ESX overcommits (dynamic-memory-unsupported speaks instead)', plan: onHypervisor('vmware-esx', (h) => { h.vms[0]!.ramGB = 31 }) },
      {
        name: 'Hyper-V 2012 overcommitted only by a dynamic-memory Exchange VM (dynamic-memory-unsupported speaks instead)',
        plan: onHypervisor('hyper-v-2012', (h) => { h.vms[0]!.ramGB = 31; h.vms[0]!.dynamicMemory = true }),
      },
    ],
  },
  {
    rule: 'host-ram-edition-limit',
    fires: [
      { name: 'WS2008 Standard host with 48 GB', plan: onHost((h) => { h.parent.edition = 'standard'; h.hardware.ramGB = 48 }), subjects: ['hv01'] },
      {
        name: 'Hyper-V Server 2008 with 48 GB whose edition field says Enterprise (the free product caps at 32 GB whatever the field says)',
        plan: onHypervisor('hyper-v-server-2008', (h) => { h.parent.edition = 'enterprise'; h.hardware.ramGB = 48 }),
        subjects: ['hv01'],
      },
      { name: 'Hyper-V Server 2008 with 64 GB', plan: onHypervisor('hyper-v-server-2008', (h) => { h.parent.edition = 'hyper-v-server'; h.hardware.ramGB = 64 }), subjects: ['hv01'] },
      { name: 'WS2008 R2 Hyper-V host with 2 TB', plan: onHypervisor('hyper-v-2008-r2', (h) => { h.hardware.ramGB = 2048 }), subjects: ['hv01'] },
      { name: 'WS2008 R2 Standard host with 64 GB (Standard addresses 32 GB)', plan: onHypervisor('hyper-v-2008-r2', (h) => { h.parent.edition = 'standard'; h.hardware.ramGB = 64 }), subjects: ['hv01'] },
    ],
    silent: [
      { name: 'the sound plan', plan: soundPlan() },
      { name: 'WS2008 Standard host with 32 GB', plan: onHost((h) => { h.parent.edition = 'standard' }) },
      { name: 'WS2008 Enterprise host with 48 GB', plan: onHost((h) => { h.hardware.ramGB = 48 }) },
      { name: 'WS2008 R2 Standard host with 32 GB', plan: onHypervisor('hyper-v-2008-r2', (h) => { h.parent.edition = 'standard'; h.hardware.ramGB = 32 }) },
      { name: 'Hyper-V Server 2008 R2 with 64 GB whose edition field says Standard (the free product has no edition)', plan: onHypervisor('hyper-v-server-2008-r2', (h) => { h.parent.edition = 'standard'; h.hardware.ramGB = 64 }) },
      { name: 'a bare-metal Standard server with 64 GB', plan: bareMetal((h) => { h.parent.edition = 'standard'; h.hardware.ramGB = 64 }) },
      { name: 'Windows Server 2022 Hyper-V with 64 TB (the catalogue gives no 2022 figure)', plan: onHypervisor('hyper-v-2022', (h) => { h.hardware.ramGB = 65_536 }) },
    ],
  },
  {
    rule: 'host-lp-limit',
    fires: [
      { name: 'WS2008 Hyper-V host with 32 logical processors', plan: onHost(shape(4, 4, 2)), subjects: ['hv01'], severity: 'error' },
      { name: 'WS2008 Hyper-V host with 24 logical processors (over 16 at RTM; 24 needs KB956710)', plan: onHost(shape(4, 6, 1)), subjects: ['hv01'], severity: 'error' },
      { name: 'WS2008 Hyper-V host with 17 logical processors', plan: onHost(shape(1, 17, 1)), subjects: ['hv01'], severity: 'error' },
      { name: 'Hyper-V Server 2008 (free) with 20 logical processors: a flat 16', plan: onHypervisor('hyper-v-server-2008', shape(2, 5, 2)), subjects: ['hv01'], severity: 'error' },
      { name: 'WS2008 R2 Hyper-V host with 96 logical processors', plan: onHypervisor('hyper-v-2008-r2', shape(8, 6, 2)), subjects: ['hv01'], severity: 'error' },
      { name: 'Hyper-V Server 2008 (free) with 8 sockets: it addresses 4 (16 logical processors are within its limit)', plan: onHypervisor('hyper-v-server-2008', shape(8, 2, 1)), subjects: ['hv01'], severity: 'error' },
      { name: 'Hyper-V Server 2008 R2 with 16 sockets: it addresses 8', plan: onHypervisor('hyper-v-server-2008-r2', shape(16, 4, 1)), subjects: ['hv01'], severity: 'error' },
      { name: 'WS2008 Standard with 5 sockets and 20 logical processors: over on both (no Hyper-Threading fix, which would leave the sockets)', plan: onHost((h) => { shape(5, 2, 2)(h); h.parent.edition = 'standard' }), subjects: ['hv01', 'hv01'], severity: 'error' },
      { name: 'WS2008 R2 Standard with 6 sockets: Standard addresses 4', plan: onHypervisor('hyper-v-2008-r2', (h) => { shape(6, 4, 1)(h); h.parent.edition = 'standard' }), subjects: ['hv01'], severity: 'error' },
    ],
    silent: [
      { name: 'the sound plan', plan: soundPlan() },
      { name: 'WS2008 Hyper-V host with 16 logical processors', plan: onHost(shape(2, 4, 2)) },
      { name: 'WS2008 R2 Hyper-V host with 64 logical processors', plan: onHypervisor('hyper-v-2008-r2', shape(8, 4, 2)) },
      { name: 'Hyper-V Server 2008 with 4 sockets of 4 cores', plan: onHypervisor('hyper-v-server-2008', shape(4, 4, 1)) },
      { name: 'Hyper-V Server 2008 R2 with 8 sockets and 64 logical processors', plan: onHypervisor('hyper-v-server-2008-r2', shape(8, 4, 2)) },
      { name: 'WS2008 R2 Standard with 4 sockets', plan: onHypervisor('hyper-v-2008-r2', (h) => { shape(4, 4, 1)(h); h.parent.edition = 'standard' }) },
      { name: 'WS2012 Hyper-V with 16 sockets: no socket limit from 2012 on', plan: onHypervisor('hyper-v-2012', shape(16, 4, 1)) },
      { name: 'a bare-metal server with 96 logical processors', plan: bareMetal(shape(8, 6, 2)) },
      { name: 'Windows Server 2025 Hyper-V with 4,096 logical processors (the catalogue gives no 2025 figure)', plan: onHypervisor('hyper-v-2025', shape(16, 128, 2)) },
    ],
  },
]
