/**
 * A fix must be advice the architect can follow on the platform at hand: these cases pin wording
 * that once suggested something the platform does not have or allow.
 */
import { describe, expect, it } from 'vitest'
import { edit, first, host, soundPlan, vm } from '../testing/plan-builder.ts'
import { change, dagOnTwoHosts, install, soundFor } from './exchange-modern.cases.ts'
import { validate, validateWithFixes } from '../validate/validate.ts'
import { sound2003 } from './exchange-2003.cases.ts'
import { databaseOnShare } from './exchange-2016.cases.ts'
import { clusterOfThree, clusterOfTwo } from './derived.cases.ts'
import type { Hypervisor } from '../model/enums.ts'

const fixOf = (plan: ReturnType<typeof soundPlan>, rule: string, subject: string) =>
  validate(plan).find((finding) => finding.rule === rule && finding.subject === subject)?.fix

describe('fixes follow the platform', () => {
  it('no Live Migration on Windows Server 2008 Hyper-V for a non-clustered Exchange 2007 VM; R2 has it', () => {
    const clustered = (hypervisor: 'hyper-v-2008' | 'hyper-v-2008-r2') => edit(soundPlan(), (d) => {
      Object.assign(first(d).host, { hypervisor, cluster: 'hvc1', mobility: hypervisor === 'hyper-v-2008' ? 'quick-migration' : 'live-migration' })
    })
    expect(fixOf(clustered('hyper-v-2008'), 'e2007-non-clustered-vm-mobility', 'ex01')).toBe(
      "Keep EX01's stop action at shut down and move it only by a cold restart (shut down, move, start), never from a saved state; Windows Server 2008 Hyper-V has no Live Migration.",
    )
    const saving = edit(clustered('hyper-v-2008-r2'), (d) => { first(d).vm.stopAction = 'save' })
    expect(fixOf(saving, 'e2007-non-clustered-vm-mobility', 'ex01')).toMatch(/^Set EX01's stop action to shut down and move it/)
    expect(fixOf(clustered('hyper-v-2008-r2'), 'e2007-non-clustered-vm-mobility', 'ex01')).toMatch(/only by Live Migration or a cold restart/)
  })

  it('never to take the host\'s own system disk offline to pass it through', () => {
    const plan = edit(soundPlan(), (d) => { first(d).vm.disks[1]!.backing = 'hv01-os' })
    expect(fixOf(plan, 'passthrough-offline-on-host', 'ex01-db')).toBe("Give EX01 a physical disk of its own to pass through: Disk 0 holds HV01's own operating system and VM files and must stay online.")
    const spare = edit(soundPlan(), (d) => { first(d).host.disks[2]!.online = true })
    expect(fixOf(spare, 'passthrough-offline-on-host', 'ex01-db')).toBe('Take Disk 2 offline in Disk Management on HV01 before attaching it to EX01.')
  })

  it('a fixed VHD, not a VHDX, where Hyper-V has no VHDX', () => {
    const plan = edit(soundPlan(), (d) => {
      first(d).host.hypervisor = 'hyper-v-2008-r2'
      Object.assign(first(d).vm.disks[1]!, { kind: 'dynamic-vhdx', sizeGB: 300, backing: 'hv01-os' })
    })
    expect(fixOf(plan, 'dynamic-vhd-unsupported', 'ex01-db')).toBe('Convert Database on EX01 to a fixed-size VHD, or give EX01 a pass-through disk instead.')
  })
})

const findingOf = (plan: ReturnType<typeof soundPlan>, rule: string, subject: string) =>
  validate(plan).find((finding) => finding.rule === rule && finding.subject === subject)

describe('messages read as plain English', () => {
  it('a pass-through OS disk with too small a disk behind it is not told to grow', () => {
    const finding = validateWithFixes(edit(soundPlan(), (d) => { first(d).vm.ramGB = 8; first(d).vm.disks[0]!.sizeGB = 10; first(d).host.disks[1]!.sizeGB = 15 }))
    const osDisk = finding.findings.find((f) => f.rule === 'e2007-guest-os-disk-size')!
    expect(osDisk.fix).toBe("Give EX01 an OS disk of at least 23 GB: HV01's Disk 1 is only 15 GB, so pass through a larger disk or LUN.")
    expect(finding.quickFixes.get(osDisk)).toBeUndefined()
  })

  it('Hyper-V from 2012 R2 on says checkpoints; earlier versions, snapshots', () => {
    const words = (version: '2007' | '2016') => {
      const finding = validate(edit(soundFor(version), (d) => { first(d).vm.snapshots = 2 })).find((f) => f.rule === 'vm-snapshot-unsupported')!
      return `${finding.message} ${finding.fix}`
    }
    expect(words('2016')).toMatch(/has 2 checkpoints; reverting an Exchange server to a checkpoint \(snapshot\) gives .* Delete the checkpoints of EX01/)
    expect(words('2007')).toMatch(/has 2 snapshots; reverting an Exchange server to a snapshot gives .* Delete the snapshots of EX01/)
  })

  it('the large-organisation advice names Client Access and Hub Transport only where they are roles (2007)', () => {
    const message = (version: '2007' | '2016') => validate(edit(soundFor(version), (d) => { d.organization.mailboxes = 5000 }))
      .find((f) => f.rule === 'large-org-mailbox-on-bare-metal')!.message
    expect(message('2007')).toMatch(/usually virtualize Client Access and Hub Transport but keep Mailbox on physical servers\.$/)
    expect(message('2016')).toBe('EX01 is a virtual Mailbox server in an organization of 5,000 mailboxes; deployments above 4,000 mailboxes usually keep Mailbox on physical servers, as Microsoft\'s Preferred Architecture for Exchange Server 2016 does.')
  })

  it('an Exchange 2007 VM on Windows Server 2008 R2 before SP3 is offered SP3 too, which runs there', () => {
    const on = (guestOs: 'ws2008-r2' | 'ws2003-x64') => validate(edit(soundPlan(), (d) => { Object.assign(first(d).vm, { guestOs }) }))
      .find((f) => f.rule === 'e2007-guest-os-ws2008' && f.subject === 'ex01')!
    expect(on('ws2008-r2').message).toMatch(/^EX01 runs Exchange Server 2007 SP1 on Windows Server 2008 R2; .* must run Windows Server 2008 x64, or 2008 R2 from Exchange 2007 SP3 on\.$/)
    expect(on('ws2008-r2').fix).toBe('Update EX01 to Exchange Server 2007 SP3, or install Windows Server 2008 x64 as its guest OS.')
    expect(on('ws2003-x64').fix).toBe('Install Windows Server 2008 x64 as the guest OS of EX01.')
  })

  it('more memory for Exchange 2013 asks for the larger OS disk it needs, whose lack is an error of its own', () => {
    const small = (osGB: number, version: '2013' | '2016' = '2013', kind: 'fixed-vhdx' | 'pass-through' = 'fixed-vhdx') => change(soundFor(version), ({ vm: ex01 }) => {
      ex01.ramGB = 4
      Object.assign(ex01.disks.find((disk) => disk.contents.includes('os'))!, { kind, sizeGB: osGB })
    })
    expect(fixOf(small(20), 'e2013-min-memory', 'ex01')).toBe('Give EX01 at least 8 GB of memory, and grow its OS disk Boot to at least 23 GB (15 GB plus its memory).')
    // Followed, the fix leaves neither finding.
    const followed = change(small(20), ({ vm: ex01 }) => { ex01.ramGB = 8; ex01.disks.find((disk) => disk.contents.includes('os'))!.sizeGB = 23 })
    expect(validate(followed).filter((f) => ['e2013-min-memory', 'e2007-guest-os-disk-size'].includes(f.rule))).toEqual([])
    // An OS disk already large enough, or a version that no longer states the minimum: memory alone.
    expect(fixOf(small(23), 'e2013-min-memory', 'ex01')).toBe('Give EX01 at least 8 GB of memory.')
    expect(fixOf(small(20, '2016'), 'e16-min-memory', 'ex01')).toBe('Give EX01 at least 8 GB of memory.')
    // A pass-through OS disk is the size of the disk behind it, which e2007-guest-os-disk-size words.
    expect(fixOf(small(20, '2013', 'pass-through'), 'e2013-min-memory', 'ex01')).toBe('Give EX01 at least 8 GB of memory.')
  })

  it('more memory for an Exchange VM names the host RAM it then needs, where the host would be short', () => {
    // 8 GB hosts each running a 6 GB Exchange 2016 Mailbox VM: 8 GB for the VM and the host's reserve do not fit.
    const tight = (version: '2016' | '2019', hostGB: number, vmGB: number) => change(soundFor(version), ({ host: h, vm: ex01 }) => {
      h.hardware.ramGB = hostGB
      h.vms = [ex01]
      ex01.ramGB = vmGB
    })
    const plan = tight('2016', 8, 6)
    const needed = validate(change(plan, ({ vm: ex01 }) => { ex01.ramGB = 8 })).find((f) => f.rule === 'capacity-sum-check')!
    const hostGB = Number(/at least (\d+) GB of RAM/.exec(needed.fix)![1])
    expect(fixOf(plan, 'e16-min-memory', 'ex01')).toBe(`Give EX01 at least 8 GB of memory; HV01 then needs at least ${hostGB} GB of RAM (it has 8 GB).`)
    expect(fixOf(tight('2019', 96, 64), 'e19-recommended-memory', 'ex01')).toMatch(/^Give EX01 at least 128 GB of memory \(up to 256 GB is supported\); HV01 then needs at least \d+ GB of RAM \(it has 96 GB\)\.$/)
    // Followed, memory and host RAM together, the fix leaves no error about either.
    const followed = change(plan, ({ host: h, vm: ex01 }) => { ex01.ramGB = 8; h.hardware.ramGB = hostGB })
    expect(validate(followed).filter((f) => ['e16-min-memory', 'capacity-sum-check', 'host-memory-not-overcommitted'].includes(f.rule))).toEqual([])
    // A host with room: the memory alone.
    expect(fixOf(tight('2016', 64, 6), 'e16-min-memory', 'ex01')).toBe('Give EX01 at least 8 GB of memory.')
  })

  it('a host cluster short of failover room is told the RAM its smaller nodes need, which followed leaves no failure short', () => {
    const failoverFix = (plan: ReturnType<typeof clusterOfTwo>) => validate(plan).find((f) => f.rule === 'host-cluster-failover-capacity')?.fix
    // Two like nodes: more RAM for the survivor of one failure alone made the other failure the short one.
    expect(failoverFix(clusterOfTwo(16, 16))).toBe('Give HV01 and HV02 at least 34 GB of RAM each, add a node to cluster "hc1", or give its VMs less memory.')
    const followed = edit(clusterOfTwo(16, 16), (d) => { for (const h of d.hosts) h.hardware.ramGB = 34 })
    expect(failoverFix(followed)).toBeUndefined()
    expect(failoverFix(edit(followed, (d) => { d.hosts[1]!.hardware.ramGB = 33 }))).toBe('Give HV02 at least 34 GB of RAM, add a node to cluster "hc1", or give its VMs less memory.')
    // Three nodes of 64, 32 and 32 GB with 66 GB of VMs: the two small ones need 35 GB each (70 GB with HV01 down).
    expect(failoverFix(clusterOfThree(64, 32, 32, [22, 22, 22]))).toBe('Give HV02 and HV03 at least 35 GB of RAM each, add a node to cluster "hc1", or give its VMs less memory.')
    expect(failoverFix(clusterOfThree(64, 35, 35, [22, 22, 22]))).toBeUndefined()
  })

  it('"logs" is plural in the advice to add or list them', () => {
    const plan = edit(soundPlan(), (d) => { first(d).vm.disks[2]!.contents = ['queue'] })
    expect(fixOf(plan, 'guest-storage-sufficient', 'ex01')).toBe("Add a disk for the logs to EX01, away from its operating system's spindles, or list them in the contents of the data disk that already holds them.")
    const noQueue = edit(soundPlan(), (d) => { first(d).vm.disks[2]!.contents = ['logs'] })
    expect(fixOf(noQueue, 'guest-storage-sufficient', 'ex01')).toBe("Add a disk for the transport queue to EX01, away from its operating system's spindles, or list it in the contents of the data disk that already holds it.")
  })

  it('a data disk that is not connected gives no room: the finding names it and asks to connect it', () => {
    const db = edit(soundPlan(), (d) => { first(d).vm.disks[1]!.backing = null })
    expect(findingOf(db, 'guest-storage-sufficient', 'ex01')).toMatchObject({
      message: 'EX01 (Mailbox, Client Access, Hub Transport) has no storage for its database: its disk Database is not connected.',
      fix: 'Connect Database to the host disk or LUN behind it (Storage, in the Inspector).',
      related: ['hv01', 'ex01-db'],
    })
    const both = edit(soundPlan(), (d) => { first(d).vm.disks[1]!.backing = null; first(d).vm.disks[2]!.backing = null })
    expect(findingOf(both, 'guest-storage-sufficient', 'ex01')).toMatchObject({
      message: 'EX01 (Mailbox, Client Access, Hub Transport) has no storage for its database, logs and transport queue: its disks Database and Logs are not connected.',
      fix: 'Connect Database and Logs to the host disks or LUNs behind them (Storage, in the Inspector).',
    })
    const mixed = edit(soundPlan(), (d) => { first(d).vm.disks[1]!.backing = null; first(d).vm.disks[2]!.contents = ['logs'] })
    expect(findingOf(mixed, 'guest-storage-sufficient', 'ex01')).toMatchObject({
      message: 'EX01 (Mailbox, Client Access, Hub Transport) has no disk for its transport queue, and no storage for its database: its disk Database is not connected.',
      fix: "Connect Database to the host disk or LUN behind it (Storage, in the Inspector); and add a disk for the transport queue to EX01, away from its operating system's spindles, or list it in the contents of the data disk that already holds it.",
    })
  })

  it('the memory to free is said as an amount to free, not as a distance to move VMs', () => {
    const plan = edit(soundPlan(), (d) => { first(d).host.hardware.ramGB = first(d).vm.ramGB + 1.5 })
    expect(fixOf(plan, 'host-memory-not-overcommitted', 'hv01')).toMatch(/^Give HV01 at least [\d.]+ GB of RAM, or free 0\.5 GB by reducing the VMs' memory or moving VMs to another host\.$/)
  })

  it('a third-party hypervisor and an unlisted guest OS are named in words, without brackets in brackets', () => {
    const plan = edit(soundPlan(), (d) => {
      Object.assign(first(d).host, { hypervisor: 'third-party', svvpValidated: false })
      first(d).vm.guestOs = 'other'
    })
    expect(findingOf(plan, 'e2007-hypervisor-supported', 'ex01')?.message).toMatch(/^EX01 runs Exchange Server 2007 on HV01 \(a third-party hypervisor\)/)
    const other = edit(soundPlan(), (d) => { first(d).vm.guestOs = 'other' })
    expect(findingOf(other, 'e2007-guest-os-ws2008', 'ex01')?.message).toMatch(/^EX01 runs Exchange Server 2007 on another operating system;/)
  })

  it('a bare-metal server backed up by a file copy is not said to be copied "from the host"', () => {
    const plan = edit(soundPlan(), (d) => {
      const { host, vm } = first(d)
      host.vms = []
      host.parent.exchange = vm.exchange
      host.parent.backup = { method: 'host-file-copy' }
    })
    expect(findingOf(plan, 'backup-must-be-exchange-aware', 'hv01')?.message).toMatch(/^HV01 is backed up by copying its files, which neither checks/)
  })
})

describe('fixes do not lead into another finding', () => {
  it('a VM without integration components is told to install them before it moves data to virtual SCSI', () => {
    const plan = edit(soundPlan(), (d) => {
      const { vm } = first(d)
      vm.integrationComponents = 'none'
      for (const disk of vm.disks.slice(1)) disk.controller = 'ide1'
    })
    expect(fixOf(plan, 'data-disks-on-scsi', 'ex01-db')).toBe('Install the Hyper-V integration components in EX01 first (a virtual SCSI controller needs them), then attach Database to a virtual SCSI controller.')
    const onVhd = edit(plan, (d) => { first(d).vm.disks[1]!.kind = 'fixed-vhd'; first(d).vm.disks[1]!.backing = 'hv01-os' })
    expect(fixOf(onVhd, 'passthrough-recommended-for-exchange-data', 'ex01-db')).toMatch(/to a pass-through disk, on a virtual SCSI controller once the integration components are installed in EX01\.$/)
    const withIc = edit(onVhd, (d) => { first(d).vm.integrationComponents = 'rtm' })
    expect(fixOf(withIc, 'passthrough-recommended-for-exchange-data', 'ex01-db')).toMatch(/to a pass-through disk on a virtual SCSI controller\.$/)
  })

  it('a host disk that cannot go offline is said to hold what it holds: another VM\'s VHD is not the host\'s own files', () => {
    const plan = edit(soundPlan(), (d) => {
      const { host, vm } = first(d)
      host.disks[2]!.online = true
      host.vms.push({ ...structuredClone(vm), id: 'ex02', name: 'EX02', disks: [{ ...vm.disks[0]!, id: 'ex02-boot', kind: 'fixed-vhd', backing: 'hv01-db' }] })
    })
    expect(fixOf(plan, 'passthrough-offline-on-host', 'ex01-db')).toBe("Give EX01 a physical disk of its own to pass through: Disk 2 holds the VHD file of EX02's disk Boot and must stay online.")
  })

  it('what a host disk must hold is listed in plain English, with "and" before the last part', () => {
    const plan = edit(soundPlan(), (d) => { const db = first(d).vm.disks[1]!; Object.assign(db, { kind: 'fixed-vhd', backing: 'hv01-os', sizeGB: 130 }) })
    expect(validate(plan).find((f) => f.rule === 'host-storage-for-root-and-bin-files')?.message).toBe(
      "HV01's Disk 0 (146 GB) must hold 10 GB for the host OS alone, 8 GB of memory-state (BIN) files for EX01 and 130 GB of VHD files: 148 GB in all, before the host OS's page file and crash dumps.",
    )
  })

  it('an unaware backup is not told to use a host-level backup that would not capture its pass-through data', () => {
    const copied = edit(soundPlan(), (d) => { first(d).vm.backup = { method: 'host-file-copy' } })
    expect(fixOf(copied, 'backup-must-be-exchange-aware', 'ex01')).not.toMatch(/host-level/)
    const onVhds = edit(copied, (d) => { for (const disk of first(d).vm.disks) { disk.kind = 'fixed-vhd'; disk.backing = 'hv01-os' } })
    expect(fixOf(onVhds, 'backup-must-be-exchange-aware', 'ex01')).toMatch(/, or a host-level Hyper-V VSS backup with integration components installed\.$/)
    // Windows Server 2003 before SP2 cannot take the integration components that backup needs.
    const oldGuest = edit(onVhds, (d) => { first(d).vm.guestOs = 'ws2003-x86' })
    expect(fixOf(oldGuest, 'backup-must-be-exchange-aware', 'ex01')).not.toMatch(/host-level/)
  })

  it('an unaware backup is offered the Exchange-aware products its Exchange can use: Windows Server Backup only from Exchange 2007 SP2', () => {
    const products = (plan: ReturnType<typeof soundPlan>) => {
      const noBackup = edit(plan, (d) => { first(d).vm.backup = { method: 'none' } })
      return /\(such as ([^)]*)\)/.exec(fixOf(noBackup, 'backup-must-be-exchange-aware', 'ex01') ?? '')?.[1]
    }
    expect(products(soundPlan())).toBe('DPM 2007 or a third-party agent')
    expect(products(edit(soundPlan(), (d) => { first(d).vm.guestOs = 'ws2003-sp2-x64' }))).toBe('DPM 2007 or NTBackup')
    expect(products(edit(soundPlan(), (d) => { first(d).vm.exchange!.update = 'sp2' }))).toBe('DPM or Windows Server Backup with Exchange support')
    expect(products(soundFor('2013'))).toBe('DPM or Windows Server Backup with Exchange support')
    expect(products(sound2003())).toBe('DPM or NTBackup')
    const hostVss = (update: string) => edit(soundPlan(), (d) => { first(d).vm.backup = { method: 'host-vss' }; first(d).vm.exchange!.update = update })
    expect(fixOf(hostVss('sp1'), 'backup-in-guest-recommended', 'ex01')).toBe('Back up EX01 with an Exchange-aware agent inside the guest (such as DPM 2007 or a third-party agent).')
    expect(fixOf(hostVss('sp3'), 'backup-in-guest-recommended', 'ex01')).toBe('Back up EX01 with an Exchange-aware agent inside the guest (such as DPM or Windows Server Backup with Exchange support).')
  })
})

describe('fixes of the Exchange 2010 and later rules clear what they are about', () => {
  it('a UM server\'s host is sized for the 4 virtual processors UM needs, not for the ones it has', () => {
    const plan = change(soundFor('2010'), ({ host, vm: ex01 }) => {
      Object.assign(host.hardware, { sockets: 1, coresPerSocket: 3 })
      Object.assign(ex01, { vcpus: 3, ramGB: 16, guestOs: 'ws2008-r2-sp1' })
      ex01.exchange!.roles = ['unified-messaging']
    })
    expect(fixOf(plan, 'e2010-um-no-oversubscription', 'ex01')).toBe('Run EX01 on a host with at least 4 physical cores (4 for EX01).')
  })

  it('a UM server in a Windows Server 2003 guest on Hyper-V is told to change the guest before adding processors', () => {
    const um = (guestOs: 'ws2003-sp2-x64' | 'ws2008-r2-sp1') => change(soundFor('2010'), ({ vm: ex01 }) => {
      Object.assign(ex01, { vcpus: 2, ramGB: 16, guestOs })
      ex01.exchange!.roles = ['unified-messaging']
    })
    expect(fixOf(um('ws2003-sp2-x64'), 'e2010-um-vcpu', 'ex01')).toBe('Move EX01 to a Windows Server 2008 SP2 or 2008 R2 guest (Hyper-V gives a Windows Server 2003 guest at most 2 virtual processors), then give it 4, each backed by a physical core of HV01.')
    expect(fixOf(um('ws2008-r2-sp1'), 'e2010-um-vcpu', 'ex01')).toBe('Give EX01 4 virtual processors, each backed by a physical core of HV01.')
  })

  it('a UM server with 4 processors in a Windows Server 2003 guest gets no quick fix down to 2: that would trade one error for another', () => {
    const quickFixOf = (roles: ('unified-messaging' | 'mailbox')[]) => {
      const { findings, quickFixes } = validateWithFixes(change(soundFor('2010'), ({ vm: ex01 }) => {
        Object.assign(ex01, { vcpus: 4, ramGB: 16, guestOs: 'ws2003-sp2-x64' })
        ex01.exchange!.roles = roles
      }))
      const tooMany = findings.find((f) => f.rule === 'vm-vcpu-max' && f.subject === 'ex01')
      expect(tooMany).toBeDefined()
      return quickFixes.get(tooMany!)?.label ?? null
    }
    expect(quickFixOf(['unified-messaging'])).toBeNull()
    expect(quickFixOf(['mailbox'])).toBe('Set 2 vCPUs')
  })

  it('the processors to take off a UM server\'s neighbours count UM at the 4 it needs, and leave each neighbour one', () => {
    const plan = change(soundFor('2010'), ({ host, vm: ex01 }) => {
      Object.assign(ex01, { vcpus: 2, ramGB: 16, guestOs: 'ws2008-r2-sp1' })
      ex01.exchange!.roles = ['unified-messaging']
      host.vms.push({ ...structuredClone(ex01), id: 'ex02', name: 'EX02', vcpus: 6, disks: [], exchange: null })
    })
    // 8 cores: 6 for EX02, and UM needs 4: take 2 off EX02.
    expect(fixOf(plan, 'e2010-um-no-oversubscription', 'ex01')).toBe('Remove 2 virtual processors from EX02 on HV01, or move it to another host, so that EX01 keeps 4 physical cores of its own.')
    const crowded = edit(plan, (d) => {
      const { host } = first(d)
      host.vms[1]!.vcpus = 4
      for (const id of ['ex03', 'ex04', 'ex05', 'ex06']) host.vms.push({ ...structuredClone(host.vms[1]!), id, name: id.toUpperCase(), vcpus: 1 })
    })
    // With two VMs to take them from, the count is a total, not each one's share.
    const shared = edit(plan, (d) => {
      const { host } = first(d)
      host.vms[1]!.vcpus = 3
      host.vms.push({ ...structuredClone(host.vms[1]!), id: 'ex03', name: 'EX03', vcpus: 3 })
    })
    expect(fixOf(shared, 'e2010-um-no-oversubscription', 'ex01')).toBe('Remove 2 virtual processors in all from EX02 and EX03 on HV01, or move VMs to another host, so that EX01 keeps 4 physical cores of its own.')
    // The others have 4 + 1 + 1 + 1 + 1 and can give up 3 while each keeps one, short of the 4 needed: a bigger host.
    expect(fixOf(crowded, 'e2010-um-no-oversubscription', 'ex01')).toBe('Run EX01 on a host with at least 12 physical cores (8 for its other VMs and 4 for EX01), or move the other VMs off HV01.')
    // A UM server with 8 processors counts at its 8; another UM server next to it keeps its 4.
    const wide = edit(plan, (d) => {
      const [ex01, ex02] = first(d).host.vms
      ex01!.vcpus = 8
      ex02!.exchange = structuredClone(ex01!.exchange)
      ex02!.vcpus = 4
    })
    expect(fixOf(wide, 'e2010-um-no-oversubscription', 'ex01')).toBe('Run EX01 on a host with at least 12 physical cores (4 for EX02 and 8 for EX01), or move EX02 off HV01.')
  })

  it('a VHD over 2040 GB is offered a VHDX only where the VM\'s Exchange accepts one', () => {
    const big = (version: '2010' | '2013') => change(soundFor(version), ({ host, vm: ex01 }) => {
      host.hypervisor = 'hyper-v-2012'
      Object.assign(ex01.disks[1]!, { kind: 'fixed-vhd', sizeGB: 3000 })
    })
    expect(fixOf(big('2010'), 'fixed-vhd-size-limit', 'ex01-db')).toMatch(/or use a pass-through disk for it\.$/)
    expect(fixOf(big('2013'), 'fixed-vhd-size-limit', 'ex01-db')).toMatch(/or use a pass-through disk or a fixed VHDX for it\.$/)
  })

  it('an Exchange 2010 RTM DAG member under Quick Migration is told to leave Quick Migration as well as to install SP1', () => {
    const plan = edit(dagOnTwoHosts('2010', (h) => { Object.assign(h, { cluster: 'hvc1', mobility: 'quick-migration' }) }), (d) => {
      for (const h of d.hosts) h.vms[0]!.exchange!.update = 'rtm'
    })
    expect(fixOf(plan, 'e2010-dag-host-ha-rtm', 'ex01')).toMatch(/SP1 or later on EX01 and move it by Live Migration or a shutdown and start instead of Quick Migration/)
    // Windows Server 2008 Hyper-V has no Live Migration: neither rule may offer one there.
    const on2008 = edit(plan, (d) => { for (const h of d.hosts) h.hypervisor = 'hyper-v-2008' })
    expect(fixOf(on2008, 'e2010-dag-host-ha-rtm', 'ex01')).toMatch(/move it by a shutdown and start \(Windows Server 2008 Hyper-V has no Live Migration\) instead of Quick Migration/)
    const sp3 = edit(on2008, (d) => { for (const h of d.hosts) h.vms[0]!.exchange!.update = 'sp3' })
    expect(fixOf(sp3, 'e2010-sp1-saved-state', 'ex01')).toMatch(/a planned move is a shutdown and start\.$/)
    expect(fixOf(sp3, 'e2010-sp1-saved-state', 'ex01')).not.toMatch(/live migration\.?$/)
  })

  it('a 2019 server with Unified Messaging alone is told to take another role, not to be left with none', () => {
    const only = change(soundFor('2019'), ({ vm: ex01 }) => { ex01.exchange!.roles = ['unified-messaging'] })
    expect(fixOf(only, 'e19-no-um-role', 'ex01')).toMatch(/^Make EX01 a Mailbox or Edge Transport server/)
    const more = change(soundFor('2019'), ({ vm: ex01 }) => { ex01.exchange!.roles = ['mailbox', 'unified-messaging'] })
    expect(fixOf(more, 'e19-no-um-role', 'ex01')).toMatch(/^Remove Unified Messaging from EX01/)
  })

  it('VMware\'s live migration is called vMotion', () => {
    const plan = change(soundFor('2010'), ({ host }) => { Object.assign(host, { hypervisor: 'vmware-esx', svvpValidated: true, cluster: 'esx1', mobility: 'live-migration' }) })
    expect(validate(plan).find((f) => f.rule === 'e2010-third-party-migration')?.message).toMatch(/moves VMs by vMotion/)
  })
})

describe('dag-members-anti-affinity: a fix that can be carried out', () => {
  const dag = (hosts: number, together: number) => edit(soundFor('2016'), (d) => {
    const base = first(d).host
    first(d).vm.exchange = install('2016', 'dag1')
    for (let n = 2; n <= hosts; n++) d.hosts.push(host({ id: `hv0${n}` }))
    for (let n = 0; n < together; n++) base.vms.push(vm({ id: `mb${n}`, name: `MB${n}`, guestOs: 'ws2016', ramGB: 128, exchange: install('2016', 'dag1') }))
  })

  it('asks to spread members where the plan has the hosts for it', () => {
    expect(fixOf(dag(3, 1), 'dag-members-anti-affinity', 'ex01')).toBe('Run EX01 and MB0 on different physical hosts.')
    const clustered = edit(dag(3, 1), (d) => { for (const h of d.hosts) h.cluster = 'hc1' })
    expect(fixOf(clustered, 'dag-members-anti-affinity', 'mb0')).toBe('Run EX01 and MB0 on different hosts of cluster "hc1", and keep them apart with an anti-affinity class (AntiAffinityClassNames) on the cluster.')
  })

  it('says when the DAG has more members in VMs than the plan has hosts, and what to do then', () => {
    expect(fixOf(dag(2, 3), 'dag-members-anti-affinity', 'ex01')).toBe('DAG "dag1" has 4 members in VMs and the plan has 2 hosts to run them, so some must share a host: add hosts, or keep the copies of each database on members that run on different hosts.')
    const clustered = edit(dag(1, 1), (d) => { first(d).host.cluster = 'hc1' })
    expect(fixOf(clustered, 'dag-members-anti-affinity', 'ex01')).toBe('DAG "dag1" has 2 members in VMs and the plan has one host to run them, so some must share a host: add hosts, or keep the copies of each database on members that run on different hosts; an anti-affinity class (AntiAffinityClassNames) on the cluster keeps members apart as far as the hosts allow.')
  })
})

describe('e19-cores: the Preferred Architecture server, memory included', () => {
  it('asks for what is over: virtual processors, memory, or both', () => {
    const vm2019 = (vcpus: number, ramGB: number) => change(soundFor('2019'), ({ vm: ex01, host: h }) => { Object.assign(ex01, { vcpus, ramGB }); h.hardware.ramGB = 1024; h.hardware.coresPerSocket = 64 })
    expect(validate(vm2019(8, 300)).find((f) => f.rule === 'e19-cores')).toMatchObject({
      message: 'EX01 runs Exchange Server 2019 with 300 GB of memory; the Preferred Architecture\'s server has 2 sockets, at most 48 cores and 256 GB of memory, and HealthChecker warns beyond that.',
      fix: 'Give EX01 at most 256 GB of memory, and add Exchange servers for more load.',
    })
    expect(fixOf(vm2019(64, 300), 'e19-cores', 'ex01')).toBe('Give EX01 at most 48 virtual processors and at most 256 GB of memory, and add Exchange servers for more load.')
    expect(fixOf(vm2019(64, 128), 'e19-cores', 'ex01')).toBe('Give EX01 at most 48 virtual processors, and add Exchange servers for more load.')
  })
})

describe('host-ha-cold-boot-only says when the state is saved', () => {
  it('a stop action that saves acts when the host shuts down, not when a live migration moves the VM', () => {
    const plan = change(soundFor('2019'), ({ vm: ex01, host: h }) => { ex01.stopAction = 'save'; h.cluster = 'hvc1'; h.mobility = 'live-migration' })
    expect(validate(plan).find((f) => f.rule === 'host-ha-cold-boot-only')?.message)
      .toContain('EX01\'s stop action saves its state when HV01 shuts down, so it resumes from that state, there or on the node of host cluster "hvc1" that takes it over.')
  })
})

describe('Exchange 2003 findings follow the host', () => {
  const on = (hypervisor: Hypervisor) => edit(sound2003(), (d) => {
    const { host } = first(d)
    host.hypervisor = hypervisor
    host.svvpValidated = hypervisor === 'vmware-esx'
  })

  it('offers Exchange 2007 SP1 as the upgrade only where 2007 is supported, and names a third-party host in words', () => {
    expect(fixOf(on('hyper-v-2008-r2'), 'e2003-hypervisor', 'ex01')).toBe('Move EX01 to a Virtual Server 2005 R2 SP1 host, or rebuild it as Exchange 2007 SP1 on a Windows Server 2008 x64 guest to run on Hyper-V.')
    expect(fixOf(on('hyper-v-2016'), 'e2003-hypervisor', 'ex01')).toBe('Move EX01 to a Virtual Server 2005 R2 SP1 host, or upgrade it to a version of Exchange supported on Windows Server 2016 Hyper-V.')
    expect(fixOf(on('vmware-esx'), 'e2003-hypervisor', 'ex01')).toBe('Move EX01 to a Virtual Server 2005 R2 SP1 host, or upgrade it to a version of Exchange supported on VMware ESX.')
  })

  it('offers no upgrade where no Exchange version is supported: Virtual PC, or a hypervisor not validated under SVVP', () => {
    expect(fixOf(on('virtual-pc'), 'e2003-hypervisor', 'ex01')).toBe('Move EX01 to a Virtual Server 2005 R2 SP1 host; no version of Exchange is supported on Virtual PC.')
    const notValidated = edit(on('vmware-esx'), (d) => { first(d).host.svvpValidated = false })
    expect(fixOf(notValidated, 'e2003-hypervisor', 'ex01')).toBe('Move EX01 to a Virtual Server 2005 R2 SP1 host, or upgrade it to a later version of Exchange on a hypervisor validated under SVVP.')
    expect(findingOf(on('third-party'), 'e2003-hypervisor', 'ex01')?.message).toBe('EX01 runs Exchange 2003 on HV01 (a third-party hypervisor); virtual Exchange 2003 is supported only on Virtual Server 2005 R2 SP1.')
  })
})


describe('words follow the hypervisor', () => {
  const esx = change(soundFor('2013'), ({ host }) => { host.hypervisor = 'vmware-esx'; host.svvpValidated = true; host.parent.roles = [] })

  it('the processors counted beside the VMs are the root OS\'s on Hyper-V, the hypervisor\'s on VMware ESX', () => {
    const busy = (base: ReturnType<typeof soundPlan>) => change(base, ({ vm: ex01 }) => { ex01.vcpus = 16 })
    expect(findingOf(busy(soundFor('2013')), 'vcpu-pcore-ratio-2to1', 'hv01')?.message).toMatch(/^HV01 runs 18 virtual processors \(16 in its VMs plus 2 counted for the root OS\)/)
    expect(findingOf(busy(esx), 'vcpu-pcore-ratio-2to1', 'hv01')?.message).toMatch(/^HV01 runs 18 virtual processors \(16 in its VMs plus 2 counted for the hypervisor\)/)
  })

  it('a LUN the host connects itself is passed through on Hyper-V, mapped as a raw device on ESX, and holds a fixed VHD on Virtual Server', () => {
    const iscsi = (base: ReturnType<typeof soundPlan>) => change(base, ({ vm: ex01 }) => { Object.assign(ex01.disks[1]!, { kind: 'iscsi-guest', controller: null }) })
    expect(fixOf(iscsi(soundPlan()), 'iscsi-in-guest-perf', 'ex01-db')).toBe('Consider connecting the LUN on HV01 and passing it through to EX01.')
    expect(fixOf(iscsi(esx), 'iscsi-in-guest-perf', 'ex01-db')).toBe('Consider presenting the LUN to HV01 and mapping it to EX01 as a raw device (RDM).')
    // Virtual Server's adapters are all emulated, so there it is a warning and the fix is no longer a suggestion.
    expect(fixOf(iscsi(sound2003()), 'iscsi-in-guest-perf', 'ex01-db')).toBe("Connect the LUN on HV01 and keep EX01's fixed VHD on it.")
  })

  it('a disk on a NAS share is sent to block storage on VMware ESX, where no VHDX on SMB 3.0 can help', () => {
    expect(fixOf(databaseOnShare(soundFor('2013'), 'fixed-vhd', 'nfs', 'vmware-esx'), 'smb3-vhd-only', 'ex01-db')).toBe('Move Database of EX01 to block storage (Fibre Channel, iSCSI or SAS) that HV01 reaches.')
    expect(fixOf(databaseOnShare(soundFor('2013'), 'fixed-vhd', 'nfs'), 'smb3-vhd-only', 'ex01-db')).toMatch(/or make it a fixed-size VHDX on an SMB 3\.0 share/)
  })

  it('a guest whose only adapters are emulated is offered the faster adapter its hypervisor has, or none on Virtual Server', () => {
    const legacy = (base: ReturnType<typeof soundPlan>) => change(base, ({ vm: ex01 }) => {
      Object.assign(ex01.disks[1]!, { kind: 'iscsi-guest', controller: null })
      ex01.network = [{ adapter: 'legacy', switch: 'external' }]
    })
    expect(fixOf(legacy(soundPlan()), 'iscsi-in-guest-perf', 'ex01-db')).toBe('Give EX01 a synthetic network adapter for iSCSI, or connect the LUN on HV01 and pass it through to EX01.')
    expect(fixOf(legacy(esx), 'iscsi-in-guest-perf', 'ex01-db')).toMatch(/^Give EX01 a paravirtual \(VMXNET3\) network adapter for iSCSI, or present the LUN/)
    expect(fixOf(legacy(sound2003()), 'iscsi-in-guest-perf', 'ex01-db')).toBe("Connect the LUN on HV01 and keep EX01's fixed VHD on it.")
  })

  it('Exchange on the host OS of a Virtual Server host that runs VMs is not said to be in a parent partition', () => {
    const onHost = edit(sound2003(), (d) => { first(d).host.parent.exchange = structuredClone(first(d).vm.exchange) })
    expect(findingOf(onHost, 'exchange-in-parent-partition', 'hv01')?.message).toBe('Exchange Server 2003 is installed on the host OS of HV01, a Virtual Server 2005 R2 SP1 host that runs VMs.')
  })
})

describe('e2010-third-party-migration: a fix for the host as it is', () => {
  it('asks to leave the host cluster only where there is one, and to turn off VM mobility only where it is on', () => {
    const on = (cluster: string | null, mobility: 'none' | 'live-migration') => change(soundFor('2010'), ({ host }) => {
      Object.assign(host, { hypervisor: 'vmware-esx', svvpValidated: true, cluster, mobility })
      host.parent.roles = []
    })
    const words = "Keep the vendor's statement that its migration and HA technology supports Exchange 2010 with the plan, or "
    expect(fixOf(on(null, 'live-migration'), 'e2010-third-party-migration', 'ex01')).toBe(`${words}set HV01's VM mobility to none.`)
    expect(fixOf(on('vc1', 'live-migration'), 'e2010-third-party-migration', 'ex01')).toBe(`${words}take HV01 out of its host cluster and set its VM mobility to none.`)
    expect(fixOf(on('vc1', 'none'), 'e2010-third-party-migration', 'ex01')).toBe(`${words}take HV01 out of its host cluster.`)
  })
})

describe('processors to take from one VM or several', () => {
  it('names the one VM on a host, and speaks of VMs where there are several', () => {
    const busy = change(soundFor('2013'), ({ vm: ex01 }) => { ex01.vcpus = 16 })
    expect(fixOf(busy, 'vcpu-pcore-ratio-2to1', 'hv01')).toBe('Remove at least 2 virtual processors from EX01 on HV01, or move it to another host.')
    const two = change(busy, ({ host, vm: ex01 }) => { host.vms.push({ ...structuredClone(ex01), id: 'ex02', name: 'EX02', vcpus: 2, disks: [] }) })
    expect(fixOf(two, 'vcpu-pcore-ratio-2to1', 'hv01')).toBe('Remove at least 4 virtual processors from the VMs on HV01, or move VMs to another host.')
  })

  it('never asks for more processors than the VMs can give up, each keeping one: then it is move or more cores', () => {
    // One core: the root's 2 and EX01's 1 are 3, over 2 per core; EX01 cannot go to 0.
    const tiny = change(soundFor('2013'), ({ host, vm: ex01 }) => { Object.assign(host.hardware, { sockets: 1, coresPerSocket: 1, threadsPerCore: 1 }); ex01.vcpus = 1 })
    expect(findingOf(tiny, 'vcpu-pcore-ratio-2to1', 'hv01')?.message).toMatch(/ on 1 physical core; Exchange is supported only up to two per core \(2\)\.$/)
    expect(fixOf(tiny, 'vcpu-pcore-ratio-2to1', 'hv01')).toBe('Move it to another host, or give HV01 at least 2 physical cores: each VM keeps at least one virtual processor, so removing them cannot bring the total to 2.')
    // Two cores: the root's 2 alone reach 1:1.
    const small = change(tiny, ({ host }) => { host.hardware.coresPerSocket = 2 })
    expect(fixOf(small, 'vcpu-pcore-ratio-1to1-recommended', 'hv01')).toBe('Move it to another host, or give HV01 at least 3 physical cores: each VM keeps at least one virtual processor, so removing them cannot bring the total to 2.')
    // EX01 of two processors can give one up, not the two that 1:1 needs (removing is the advice where it can: above).
    const roomy = change(small, ({ vm: ex01 }) => { ex01.vcpus = 2 })
    expect(fixOf(roomy, 'vcpu-pcore-ratio-2to1', 'hv01')).toBeUndefined()
    expect(fixOf(roomy, 'vcpu-pcore-ratio-1to1-recommended', 'hv01')).toBe('Move it to another host, or give HV01 at least 4 physical cores: each VM keeps at least one virtual processor, so removing them cannot bring the total to 2.')
  })
})

describe('moving VMs, in the words of each hypervisor', () => {
  const clustered = (hypervisor: Hypervisor, mobility: 'quick-migration' | 'live-migration' | 'none') => change(soundPlan(), ({ host }) => {
    Object.assign(host, { hypervisor, cluster: 'hc1', mobility, svvpValidated: hypervisor === 'vmware-esx' })
  })

  it('offers no live migration where the hypervisor has none: Virtual Server, as Windows Server 2008 Hyper-V', () => {
    expect(fixOf(clustered('virtual-server-2005-r2-sp1', 'none'), 'e2007-non-clustered-vm-mobility', 'ex01')).toBe(
      "Keep EX01's stop action at shut down and move it only by a cold restart (shut down, move, start), never from a saved state; Virtual Server 2005 R2 SP1 has no live migration.",
    )
    expect(fixOf(clustered('hyper-v-2008', 'none'), 'e2007-non-clustered-vm-mobility', 'ex01')).toMatch(/; Windows Server 2008 Hyper-V has no Live Migration\.$/)
    expect(fixOf(clustered('vmware-esx', 'live-migration'), 'e2007-non-clustered-vm-mobility', 'ex01')).toMatch(/move it only by vMotion or a cold restart/)
  })

  it('calls a move through a saved state Quick Migration on Hyper-V only', () => {
    expect(findingOf(clustered('vmware-esx', 'quick-migration'), 'e2007-non-clustered-vm-mobility', 'ex01')?.message).toMatch(/moves VMs by a suspend-and-resume move/)
    expect(findingOf(clustered('hyper-v-2008-r2', 'quick-migration'), 'e2007-non-clustered-vm-mobility', 'ex01')?.message).toMatch(/moves VMs by Quick Migration/)
  })
})

describe('more words that follow the host', () => {
  it('asks for hardware certified for the host\'s own Windows Server, and the 2008 R2 logo only in its era', () => {
    const uncertified = (hypervisor: Hypervisor) => change(soundPlan(), ({ host }) => { host.hypervisor = hypervisor; host.hardware.certified = false })
    expect(fixOf(uncertified('hyper-v-2016'), 'host-designed-for-windows-hardware', 'hv01')).toBe('Use a server model listed in the Windows Server Catalog as certified for Windows Server 2016 with the Hyper-V qualification for HV01.')
    expect(fixOf(uncertified('hyper-v-2008-r2'), 'host-designed-for-windows-hardware', 'hv01')).toMatch(/\(or the Windows Server 2008 R2 logo\)/)
  })

  it('a VM alone on an overcommitting host is asked to fit beside the host\'s reserve, not to move other VMs off', () => {
    const alone = change(soundFor('2013'), ({ host, vm: ex01 }) => {
      Object.assign(host, { hypervisor: 'third-party', svvpValidated: true })
      host.hardware.ramGB = 16
      ex01.ramGB = 16
    })
    expect(findingOf(alone, 'dynamic-memory-unsupported', 'ex01')?.message).toMatch(/; the third-party hypervisor overcommits the rest,/)
    expect(fixOf(alone, 'dynamic-memory-unsupported', 'ex01')).toBe('Give HV01 at least 18 GB of RAM, or give EX01 at most 14 GB and reserve all of it.')
  })
})

describe('vm-snapshot-count: checkpoints from Windows Server 2012 R2 on', () => {
  it('says checkpoints where Hyper-V calls them so, snapshots before', () => {
    const many = (hypervisor: Hypervisor) => change(soundFor('2016'), ({ host, vm: ex01 }) => { host.hypervisor = hypervisor; ex01.snapshots = 51 })
    expect(findingOf(many('hyper-v-2016'), 'vm-snapshot-count', 'ex01')?.message).toBe('EX01 on HV01 has 51 checkpoints; Windows Server 2016 Hyper-V allows at most 50 per VM.')
    expect(validateWithFixes(many('hyper-v-2016')).findings.find((f) => f.rule === 'vm-snapshot-count')?.fix).toMatch(/^Delete checkpoints of EX01 until at most 50 remain \(for an Exchange VM, delete them all: checkpoints are unsupported there\)\.$/)
    expect(findingOf(many('hyper-v-2012'), 'vm-snapshot-count', 'ex01')?.message).toMatch(/has 51 snapshots;/)
  })
})

describe('host-storage-for-root-and-bin-files on a crowded host', () => {
  it('counts the VMs whose BIN files a disk holds once they are more than six, rather than list hundreds of names', () => {
    const crowded = (count: number) => change(soundPlan(), ({ host, vm: ex01 }) => {
      host.disks[0]!.sizeGB = 20
      for (let i = 1; i < count; i++) host.vms.push({ ...structuredClone(ex01), id: `vm${i}`, name: `VM${i}`, exchange: null, disks: [] })
    })
    expect(findingOf(crowded(6), 'host-storage-for-root-and-bin-files', 'hv01-os')?.message).toMatch(/BIN\) files for EX01, VM1, VM2, VM3, VM4 and VM5/)
    expect(findingOf(crowded(40), 'host-storage-for-root-and-bin-files', 'hv01-os')?.message).toMatch(/BIN\) files for EX01 and 39 other VMs/)
  })
})

describe('fixes that Virtual Server can carry out', () => {
  it('names only what the guest-limits quick fix changes, and offers no pass-through disk on Virtual Server', () => {
    const twoCpus = edit(sound2003(), (d) => { first(d).vm.vcpus = 2 })
    const fixes = validateWithFixes(twoCpus)
    const limits = fixes.findings.find((f) => f.rule === 'e2003-virtual-server-guest-limits')!
    expect(fixes.quickFixes.get(limits)?.label).toBe('Set 1 vCPU')
    const bigger = edit(sound2003(), (d) => { Object.assign(first(d).vm, { vcpus: 2, ramGB: 4 }) })
    const both = validateWithFixes(bigger)
    expect(both.quickFixes.get(both.findings.find((f) => f.rule === 'e2003-virtual-server-guest-limits')!)?.label).toBe('Set 1 vCPU and 3.6 GB')
    const dynamic = edit(sound2003(), (d) => { first(d).vm.disks[1]!.kind = 'dynamic-vhd' })
    expect(fixOf(edit(dynamic, (d) => { first(d).vm.exchange!.version = '2007'; first(d).vm.exchange!.update = 'sp1' }), 'dynamic-vhd-unsupported', 'ex01-db')).toBe('Convert Database on EX01 to a fixed-size VHD.')
  })
})

describe('anti-affinity where the hypervisor has it', () => {
  it('asks Virtual Server for no anti-affinity rule it does not have', () => {
    const dcs = (hypervisor: Hypervisor) => change(sound2003(), ({ host, vm: ex01 }) => {
      Object.assign(host, { hypervisor, cluster: 'c1' })
      for (const name of ['DC1', 'DC2']) host.vms.push({ ...structuredClone(ex01), id: name.toLowerCase(), name, exchange: null, disks: [], roles: ['ad-ds'] })
    })
    expect(fixOf(dcs('virtual-server-2005-r2-sp1'), 'redundant-roles-same-host', 'hv01')).toBe('Run DC1 and DC2 on different hosts of cluster "c1".')
    expect(fixOf(dcs('hyper-v-2008-r2'), 'redundant-roles-same-host', 'hv01')).toMatch(/, and keep them apart with an anti-affinity class \(AntiAffinityClassNames\) on the cluster\.$/)
  })
})

describe('integration services from Windows Server 2012 R2 on', () => {
  it('names Hyper-V\'s guest drivers as the host\'s version does', () => {
    const without = (hypervisor: Hypervisor) => change(soundFor('2016'), ({ host, vm: ex01 }) => { host.hypervisor = hypervisor; ex01.integrationComponents = 'none' })
    expect(fixOf(without('hyper-v-2016'), 'guest-integration-components', 'ex01')).toBe('Install the Hyper-V integration services in EX01.')
    expect(fixOf(without('hyper-v-2012'), 'guest-integration-components', 'ex01')).toBe('Install the Hyper-V integration components in EX01.')
    const fixes = validateWithFixes(without('hyper-v-2016'))
    expect(fixes.quickFixes.get(fixes.findings.find((f) => f.rule === 'guest-integration-components')!)?.label).toBe('Install integration services')
  })
})

describe('e2010-um-hyperv-r2: a fix that names only what differs', () => {
  const um = (hypervisor: Hypervisor, guestOs: 'ws2008-r2-sp1' | 'ws2008-sp2-x64') => change(soundFor('2010'), ({ host, vm: ex01 }) => {
    Object.assign(host, { hypervisor, svvpValidated: hypervisor === 'vmware-esx' })
    Object.assign(ex01, { guestOs, vcpus: 4, ramGB: 16 })
    ex01.exchange!.roles = ['unified-messaging']
  })

  it('asks for the host, the guest or both, and a vendor\'s word only off Hyper-V', () => {
    expect(fixOf(um('hyper-v-2012', 'ws2008-r2-sp1'), 'e2010-um-hyperv-r2', 'ex01')).toBe('Run EX01 on a Windows Server 2008 R2 Hyper-V host.')
    expect(fixOf(um('hyper-v-2008-r2', 'ws2008-sp2-x64'), 'e2010-um-hyperv-r2', 'ex01')).toBe('Run EX01 as a Windows Server 2008 R2 guest.')
    expect(fixOf(um('vmware-esx', 'ws2008-sp2-x64'), 'e2010-um-hyperv-r2', 'ex01')).toBe('Run EX01 as a Windows Server 2008 R2 guest on a Windows Server 2008 R2 Hyper-V host, or confirm the hypervisor vendor supports virtual Exchange UM.')
  })
})

describe('e2010-guest-os on Windows Server 2012', () => {
  it('says why a guest Exchange 2010 SP3 installs on is still not a supported virtual one', () => {
    const ws2012 = change(soundFor('2010'), ({ host, vm: ex01 }) => { host.hypervisor = 'hyper-v-2012'; ex01.guestOs = 'ws2012'; ex01.exchange!.update = 'sp3' })
    expect(findingOf(ws2012, 'e2010-guest-os', 'ex01')?.message).toBe('EX01 runs Exchange Server 2010 on Windows Server 2012; its guest OS must be Windows Server 2008 SP2 x64 or Windows Server 2008 R2 (Exchange 2010 SP3 installs on Windows Server 2012, but the Exchange 2010 virtualization requirements list no Windows Server 2012 guest).')
  })
})
