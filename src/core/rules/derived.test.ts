/** Wording of the suggested generic rules (rules-catalogue.md 8.2) where it depends on the plan. */
import { describe, expect, it } from 'vitest'
import { edit, first, host, soundPlan, vm } from '../testing/plan-builder.ts'
import { validate } from '../validate/validate.ts'
import { dagOnTwoHosts, install, soundFor } from './exchange-modern.cases.ts'
import { gb, withArticle } from './platform-wording.ts'
import { vdisk, withLun } from './storage-case-plans.ts'

const finding = (plan: ReturnType<typeof soundPlan>, rule: string, subject: string) =>
  validate(plan).find((f) => f.rule === rule && f.subject === subject)

describe('redundant-roles-same-host', () => {
  it('reports each group of servers once, on their host, with what they share and the anti-affinity of a host cluster', () => {
    const plan = edit(soundFor('2010'), (d) => {
      const { host: h, vm: ex01 } = first(d)
      h.cluster = 'hc1'
      ex01.roles = ['ad-ds']
      h.vms.push(vm({ id: 'ex02', guestOs: ex01.guestOs, exchange: install('2010') }))
      h.vms.push(vm({ id: 'dc02', guestOs: ex01.guestOs, exchange: null, roles: ['ad-ds'] }))
      h.vms.push(vm({ id: 'ex03', guestOs: ex01.guestOs, exchange: { ...install('2010'), roles: ['hub-transport'] } }))
    })
    const found = validate(plan).filter((f) => f.rule === 'redundant-roles-same-host')
    expect(found.map((f) => [f.subject, f.related, f.message])).toEqual([
      ['hv01', ['ex01', 'dc02'], 'EX01 and DC02 run on HV01 and stand in for each other: both are domain controllers. One failure of HV01 takes them down together.'],
      ['hv01', ['ex01', 'ex02'], 'EX01 and EX02 run on HV01 and stand in for each other: both are Client Access servers of Exchange Server 2010. One failure of HV01 takes them down together.'],
      ['hv01', ['ex01', 'ex02', 'ex03'], 'EX01, EX02 and EX03 run on HV01 and stand in for each other: all are Hub Transport servers of Exchange Server 2010. One failure of HV01 takes them down together.'],
    ])
    expect(found[0]!.fix).toBe('Run EX01 and DC02 on different hosts of cluster "hc1", and keep them apart with an anti-affinity class (AntiAffinityClassNames) on the cluster.')
    // The Exchange 2010 Client Access and Hub Transport pairs are also dag-members-anti-affinity's (C.2), on each VM.
    const pairs = validate(plan).filter((f) => f.rule === 'dag-members-anti-affinity')
    expect(pairs.map((f) => [f.subject, f.related, f.message])).toEqual([
      ['ex01', ['ex02', 'hv01'], 'EX01 and EX02 are Client Access servers of Exchange Server 2010 on the same physical host HV01; one host failure takes them down together.'],
      ['ex01', ['ex02', 'ex03', 'hv01'], 'EX01, EX02 and EX03 are Hub Transport servers of Exchange Server 2010 on the same physical host HV01; one host failure takes them down together.'],
      ['ex02', ['ex01', 'hv01'], 'EX01 and EX02 are Client Access servers of Exchange Server 2010 on the same physical host HV01; one host failure takes them down together.'],
      ['ex02', ['ex01', 'ex03', 'hv01'], 'EX01, EX02 and EX03 are Hub Transport servers of Exchange Server 2010 on the same physical host HV01; one host failure takes them down together.'],
      ['ex03', ['ex01', 'ex02', 'hv01'], 'EX01, EX02 and EX03 are Hub Transport servers of Exchange Server 2010 on the same physical host HV01; one host failure takes them down together.'],
    ])
    expect(pairs[0]!.fix).toBe('Run EX01 and EX02 on different hosts of cluster "hc1", and keep them apart with an anti-affinity class (AntiAffinityClassNames) on the cluster.')
  })

  it('names a group\'s bonds together: cluster, roles and domain controller', () => {
    const plan = edit(soundPlan(), (d) => {
      const { host: h, vm: ex01 } = first(d)
      const both = { version: '2007' as const, update: 'sp1', roles: ['mailbox' as const, 'client-access' as const], cluster: { kind: 'scc' as const, id: 'scc1' } }
      ex01.exchange = both
      ex01.roles = ['ad-ds']
      h.vms.push(vm({ id: 'ex02', exchange: { ...both }, roles: ['ad-ds'] }))
    })
    expect(finding(plan, 'redundant-roles-same-host', 'hv01')!.message).toBe('EX01 and EX02 run on HV01 and stand in for each other: both are members of single copy cluster "scc1", Client Access servers of Exchange Server 2007 and domain controllers. One failure of HV01 takes them down together.')
  })

  it('words a cluster as the servers on the host give it, whatever another host\'s members say', () => {
    // One cluster id of two kinds is exchange-cluster-members-match's error; this rule names each host's
    // pair by its own servers' cluster (the rule runs host by host on large plans: see slices.test.ts).
    const plan = edit(soundPlan(), (d) => {
      const { host: h, vm: ex01 } = first(d)
      const scc = { version: '2007' as const, update: 'sp1', roles: ['mailbox' as const], cluster: { kind: 'scc' as const, id: 'c1' } }
      ex01.exchange = scc
      h.vms.push(vm({ id: 'ex02', exchange: { ...scc } }))
      d.hosts.unshift(host({ id: 'hv00', vms: [vm({ id: 'ex00', exchange: { ...scc, cluster: { kind: 'ccr', id: 'c1' } } }), vm({ id: 'fs00', exchange: null })] }))
    })
    expect(finding(plan, 'redundant-roles-same-host', 'hv01')!.message).toBe('EX01 and EX02 run on HV01 and stand in for each other: both are members of single copy cluster "c1". One failure of HV01 takes them down together.')
    expect(finding(plan, 'exchange-cluster-members-match', 'ex00')).toBeDefined()
  })
})

describe('capacity-sum-check', () => {
  it('names a LUN once, whatever it is called', () => {
    const plan = (name: string) => edit(soundPlan(), (d) => {
      withLun(d, 'iscsi')
      d.storage[0]!.luns[0]!.name = name
      Object.assign(vdisk(d, 'ex01-db'), { kind: 'iscsi-guest', controller: null, sizeGB: 600, backing: 'lun1' })
    })
    expect(finding(plan('LUN 7'), 'capacity-sum-check', 'ex01-db')!.message).toBe("EX01's disk Database is 600 GB, but the LUN behind it, SAN's LUN 7, has 500 GB.")
    expect(finding(plan('Mail data'), 'capacity-sum-check', 'ex01-db')!.fix).toBe("Size EX01's disk Database to 500 GB, or grow LUN Mail data to 600 GB.")
  })

  it('asks to grow both a LUN and its host disk when the files outgrow both, and to move a single file whole', () => {
    const plan = (vhdGB: number) => edit(soundPlan(), (d) => {
      withLun(d)
      Object.assign(first(d).host.disks[2]!, { sizeGB: 800, lun: 'lun1' })
      Object.assign(vdisk(d, 'ex01-db'), { kind: 'fixed-vhd', sizeGB: vhdGB })
    })
    expect(finding(plan(900), 'capacity-sum-check', 'hv01-db')!.fix).toBe("Grow LUN 1 and HV01's Disk 2 to at least 900 GB, or move EX01's disk Database to a disk of at least 900 GB.")
    expect(finding(plan(600), 'capacity-sum-check', 'hv01-db')!.fix).toBe("Grow LUN 1 to at least 600 GB, or move EX01's disk Database to a disk of at least 600 GB.")
    expect(finding(plan(800), 'capacity-sum-check', 'hv01-db')!.message).toMatch(/is to hold an 800 GB fixed VHD, EX01's disk Database;/)
  })

  it('says when a pass-through disk outgrows the LUN under its host disk, and asks to grow that LUN', () => {
    const plan = (passGB: number, lun: string | null) => edit(soundPlan(), (d) => {
      withLun(d)
      Object.assign(first(d).host.disks[2]!, { sizeGB: 800, lun })
      vdisk(d, 'ex01-db').sizeGB = passGB
    })
    expect(finding(plan(600, 'lun1'), 'capacity-sum-check', 'ex01-db')).toMatchObject({
      message: "EX01's disk Database is a 600 GB pass-through disk, but HV01's Disk 2 behind it has 500 GB, the size of its LUN 1.",
      fix: "Size EX01's disk Database to 500 GB, or grow LUN 1 to at least 600 GB.",
    })
    expect(finding(plan(900, 'lun1'), 'capacity-sum-check', 'ex01-db')!.fix).toBe("Size EX01's disk Database to 500 GB, or grow LUN 1 and HV01's Disk 2 to at least 900 GB.")
    expect(finding(plan(900, null), 'capacity-sum-check', 'ex01-db')).toMatchObject({
      message: "EX01's disk Database is a 900 GB pass-through disk, but HV01's Disk 2 behind it has 800 GB.",
      fix: "Size EX01's disk Database to 800 GB, or pass through a host disk of at least 900 GB.",
    })
    expect(finding(plan(500, 'lun1'), 'capacity-sum-check', 'ex01-db')).toBeUndefined()
  })

  it('counts only fixed VHDs on a disk, and says what is to be moved', () => {
    const plan = edit(soundPlan(), (d) => {
      Object.assign(vdisk(d, 'ex01-db'), { kind: 'fixed-vhd', sizeGB: 250.5 })
      Object.assign(vdisk(d, 'ex01-logs'), { kind: 'fixed-vhd', sizeGB: 60, backing: 'hv01-db' })
      first(d).vm.disks.push({ ...vdisk(d, 'ex01-logs'), id: 'ex01-spare', name: 'Spare', kind: 'dynamic-vhd', sizeGB: 500 })
    })
    const f = finding(plan, 'capacity-sum-check', 'hv01-db')!
    expect(f.message).toContain('310.5 GB of fixed VHDs')
    expect(f.fix).toBe("Give HV01's Disk 2 at least 310.5 GB, or move 10.5 GB of fixed VHDs to another disk.")
    expect(f.related).toEqual(['hv01', 'ex01-db', 'ex01-logs'])
  })
})

describe('exchange-vm-ha-restart-policy', () => {
  it('does not promise a cold boot where Quick Migration still saves the VM, and names the update only for 2010', () => {
    const plan = (mobility: 'quick-migration' | 'live-migration') => edit(soundFor('2016'), (d) => {
      Object.assign(first(d).host, { cluster: 'hc1', mobility })
    })
    expect(finding(plan('live-migration'), 'exchange-vm-ha-restart-policy', 'ex01')!.message).toBe('EX01 is set to shut down when HV01, a node of host cluster "hc1", is shut down: it stops cleanly and starts again with a cold boot, never from a saved state.')
    const quick = finding(plan('quick-migration'), 'exchange-vm-ha-restart-policy', 'ex01')!.message
    expect(quick).toMatch(/with a cold boot; a move by Quick Migration still saves and restores it, which Exchange Server 2016 does not support\.$/)
    expect(finding(plan('quick-migration'), 'exchange-vm-ha-restart-policy', 'ex01')!.fix).toBe("Keep EX01's stop action at shut down, and move it by Live Migration or a shutdown and start instead of Quick Migration.")
    expect(quick).not.toMatch(/never/)
    // The free Hyper-V Server 2008 has no Quick Migration (other findings say its cluster cannot be): none is promised.
    const free = edit(soundFor('2007'), (d) => { Object.assign(first(d).host, { hypervisor: 'hyper-v-server-2008', cluster: 'hc1', mobility: 'quick-migration' }) })
    expect(finding(free, 'exchange-vm-ha-restart-policy', 'ex01')!.message).not.toMatch(/Quick Migration/)
    expect(finding(free, 'quick-migration-is-saved-state', 'hv01')!.message).toMatch(/no failover clustering/)
    const rtm = edit(soundFor('2010'), (d) => {
      Object.assign(first(d).host, { cluster: 'hc1', mobility: 'live-migration' })
      Object.assign(first(d).vm, { stopAction: 'save', exchange: { ...install('2010'), update: 'rtm', roles: ['client-access'] } })
    })
    expect(finding(rtm, 'exchange-vm-ha-restart-policy', 'ex01')!.message).toBe('EX01 is set to save its state when HV01, a node of host cluster "hc1", is shut down, and resumes later from that saved state; Exchange Server 2010 RTM allows it, but from Exchange 2010 SP1 Microsoft forbids it for every Exchange VM, so avoid it here too.')
  })
})

describe('e2010-dag-member-eviction', () => {
  it('offers no Live Migration on Windows Server 2008 Hyper-V, and vMotion on VMware', () => {
    const plan = (hypervisor: 'hyper-v-2008' | 'hyper-v-2008-r2') => dagOnTwoHosts('2010', (h) => { Object.assign(h, { hypervisor, cluster: 'hc1', mobility: 'quick-migration' }) })
    expect(finding(plan('hyper-v-2008'), 'e2010-dag-member-eviction', 'ex01')!.fix).toMatch(/^Move EX01 by a shutdown and start rather than Quick Migration \(Windows Server 2008 Hyper-V has no Live Migration; 2008 R2 brings it\); where/)
    expect(finding(plan('hyper-v-2008-r2'), 'e2010-dag-member-eviction', 'ex01')!.fix).toMatch(/^Move EX01 by Live Migration instead of Quick Migration; where/)
  })
})

describe('withArticle', () => {
  it('reads sizes from gb aloud', () => {
    expect([8, 11, 18, 80, 800, 8000, 11000, 18500, 1100, 110, 300, 1].map((n) => withArticle(gb(n)))).toEqual([
      'an 8 GB', 'an 11 GB', 'an 18 GB', 'an 80 GB', 'an 800 GB', 'an 8,000 GB', 'an 11,000 GB', 'an 18,500 GB',
      'a 1,100 GB', 'a 110 GB', 'a 300 GB', 'a 1 GB',
    ])
  })
})

describe('wording of rules that depend on the plan around them', () => {
  it('e2010-vm-dc-time-sync speaks only where the plan has Exchange 2010, whose Hub Transport setup it protects', () => {
    const withDc = (version: '2010' | '2016') => edit(soundFor(version), (d) => {
      first(d).host.vms.push(vm({ id: 'dc01', guestOs: 'ws2016', exchange: null, roles: ['ad-ds'] }))
    })
    expect(finding(withDc('2010'), 'e2010-vm-dc-time-sync', 'dc01')!.message).toMatch(/Exchange setup of the Hub Transport role can fail\.$/)
    expect(finding(withDc('2016'), 'e2010-vm-dc-time-sync', 'dc01')).toBeUndefined()
  })

  it('data-disks-on-scsi promises hot-add only from Windows Server 2008 R2 on', () => {
    const onIde = (hypervisor: 'hyper-v-2008' | 'hyper-v-2008-r2') => edit(soundPlan(), (d) => {
      const { host: h, vm: ex01 } = first(d)
      h.hypervisor = hypervisor
      ex01.disks[1]!.controller = 'ide1'
    })
    expect(finding(onIde('hyper-v-2008'), 'data-disks-on-scsi', 'ex01-db')!.message).toMatch(/only SCSI allows more disks\.$/)
    expect(finding(onIde('hyper-v-2008-r2'), 'data-disks-on-scsi', 'ex01-db')!.message).toMatch(/only SCSI allows more disks and hot-add\.$/)
  })

  it('host-os-hyperv-edition offers no x86 edition of Windows Server 2008 R2, which has none', () => {
    const x86 = (hypervisor: 'hyper-v-2008' | 'hyper-v-2008-r2') => edit(soundPlan(), (d) => {
      const { host: h } = first(d)
      h.hypervisor = hypervisor
      h.hardware.x64 = false
    })
    expect(finding(x86('hyper-v-2008'), 'host-os-hyperv-edition', 'hv01')!.message).toMatch(/could only be an x86 edition of Windows Server/)
    expect(finding(x86('hyper-v-2008-r2'), 'host-os-hyperv-edition', 'hv01')!.message).toBe('HV01\'s processors are not x64, and Windows Server 2008 R2 and Hyper-V Server 2008 R2 run only on x64 processors.')
  })

  it('vcpu-pcore-ratio-1to1-recommended dates the 1:1 recommendation from Exchange 2013 for 2007 and 2010 plans', () => {
    const over = (version: '2007' | '2013') => edit(soundFor(version), (d) => {
      const { host: h, vm: ex01 } = first(d)
      h.hardware.sockets = 1
      ex01.vcpus = 4
    })
    const old = finding(over('2007'), 'vcpu-pcore-ratio-1to1-recommended', 'hv01')!
    expect([old.severity, old.message]).toEqual(['info', expect.stringMatching(/; Microsoft's guidance from Exchange 2013 on recommends at most one per core \(4\)\.$/)])
    const stated = finding(over('2013'), 'vcpu-pcore-ratio-1to1-recommended', 'hv01')!
    expect([stated.severity, stated.message]).toEqual(['warning', expect.stringMatching(/; for Exchange Microsoft recommends at most one per core \(4\)\.$/)])
  })

  it('host-dedicated-to-virtualization speaks of the host itself where the hypervisor has no Windows host OS', () => {
    const withSql = (hypervisor: 'hyper-v-2008' | 'vmware-esx') => edit(soundPlan(), (d) => {
      const { host: h } = first(d)
      h.hypervisor = hypervisor
      h.svvpValidated = true
      h.parent.applications = [{ name: 'SQL Server', kind: 'server' }]
    })
    expect(finding(withSql('hyper-v-2008'), 'host-dedicated-to-virtualization', 'hv01')!.message).toBe('HV01 runs Exchange VMs (EX01), yet its host OS also runs a server application: SQL Server.')
    expect(finding(withSql('vmware-esx'), 'host-dedicated-to-virtualization', 'hv01')!.message).toBe('HV01 runs Exchange VMs (EX01), yet the host itself also runs a server application: SQL Server.')
  })

  it('e2010-um-no-oversubscription says what its host lacks: cores, a 1:1 mapping, or cores left free by the other VMs', () => {
    const um = (cores: number, others: number[], vcpus = 2) => edit(soundFor('2010'), (d) => {
      const { host: h, vm: ex01 } = first(d)
      Object.assign(h.hardware, { sockets: 1, coresPerSocket: cores })
      ex01.vcpus = vcpus
      ex01.exchange!.roles = ['unified-messaging']
      ex01.exchange!.update = 'sp1'
      others.forEach((n, i) => h.vms.push(vm({ id: `app0${i + 1}`, exchange: null, vcpus: n })))
    })
    expect(finding(um(3, []), 'e2010-um-no-oversubscription', 'ex01')!.message).toBe('EX01 runs Exchange 2010 Unified Messaging on HV01, which has 3 physical cores; a virtual UM server needs 4 physical cores available at all times.')
    expect(finding(um(5, [4], 4), 'e2010-um-no-oversubscription', 'ex01')!.message).toBe('EX01 runs Exchange 2010 Unified Messaging on HV01, whose VMs have 8 virtual processors on 5 physical cores; a UM server\'s host must map virtual processors 1:1 to physical cores.')
    expect(finding(um(5, [2]), 'e2010-um-no-oversubscription', 'ex01')!.message).toBe('EX01 runs Exchange 2010 Unified Messaging on HV01, whose other VM leaves 3 of its 5 physical cores for it; a virtual UM server needs 4 available at all times.')
    expect(finding(um(5, [1, 1]), 'e2010-um-no-oversubscription', 'ex01')!.message).toBe('EX01 runs Exchange 2010 Unified Messaging on HV01, whose other VMs leave 3 of its 5 physical cores for it; a virtual UM server needs 4 available at all times.')
    expect(finding(um(5, [1]), 'e2010-um-no-oversubscription', 'ex01')).toBeUndefined()
  })

  it('the memory rules name only the roles the server\'s version has: Client Access and Hub Transport are no roles of Exchange 2019', () => {
    const plan = edit(soundFor('2019'), (d) => {
      const { vm: ex01 } = first(d)
      ex01.ramGB = 64
      ex01.exchange!.roles = ['mailbox', 'client-access', 'hub-transport']
    })
    expect(finding(plan, 'e19-recommended-memory', 'ex01')?.message).toBe('EX01 runs Exchange Server 2019 with the Mailbox role on 64 GB of memory; the recommended minimum for the Mailbox role is 128 GB.')
    const e2013 = edit(soundFor('2013'), (d) => {
      const { vm: ex01 } = first(d)
      ex01.ramGB = 6
      ex01.exchange!.roles = ['mailbox', 'client-access', 'hub-transport']
    })
    expect(finding(e2013, 'e2013-min-memory', 'ex01')?.message).toMatch(/ with the Mailbox and Client Access roles on 6 GB of memory; /)
  })

  it('e2013-pagefile does not send a page file on the OS disk to the OS disk', () => {
    const plan = (contents: ('os' | 'pagefile' | 'logs' | 'database')[]) => edit(soundFor('2013'), (d) => { first(d).vm.disks[0]!.contents = contents })
    expect(finding(plan(['os', 'pagefile', 'logs']), 'e2013-pagefile', 'ex01-boot')!.fix).toBe('Move the logs of EX01 off its disk Boot, which holds its OS and page file, or give the page file a disk of its own.')
  })

  it('e2013-numa names the NUMA settings the server has: BIOS, NUMA spanning from 2008 R2, a VM\'s virtual NUMA from 2012', () => {
    const on = (hypervisor: 'hyper-v-2012-r2' | 'hyper-v-2008-r2' | 'vmware-esx') => edit(soundFor('2013'), (d) => { first(d).host.hypervisor = hypervisor })
    expect(finding(on('hyper-v-2012-r2'), 'e2013-numa', 'ex01')!.fix).toBe('Leave the NUMA settings of HV01\'s BIOS, its NUMA spanning in Hyper-V and EX01\'s virtual NUMA topology at the vendor\'s defaults.')
    expect(finding(on('hyper-v-2008-r2'), 'e2013-numa', 'ex01')!.fix).toBe('Leave the NUMA settings of HV01\'s BIOS and its NUMA spanning in Hyper-V at the vendor\'s defaults.')
    expect(finding(on('vmware-esx'), 'e2013-numa', 'ex01')!.fix).toBe('Leave the NUMA settings of HV01\'s BIOS and hypervisor at the vendor\'s defaults.')
    const bare = edit(soundFor('2013'), (d) => { const { host } = first(d); host.hypervisor = 'none'; host.parent.exchange = install('2013'); host.vms = [] })
    expect(finding(bare, 'e2013-numa', 'hv01')).toMatchObject({ message: 'HV01 runs Exchange 2013, which is not NUMA-aware: it gains nothing from NUMA tuning.', fix: 'Leave the NUMA settings of HV01\'s BIOS at the vendor\'s defaults.', related: [] })
  })
})

describe('how a host moves a running VM, in the fixes', () => {
  it('calls VMware\'s live move vMotion, Hyper-V\'s Live Migration', () => {
    const mobile = (hypervisor: 'vmware-esx' | 'hyper-v-2008-r2') => edit(soundFor('2007'), (d) => {
      Object.assign(first(d).host, { hypervisor, svvpValidated: true, cluster: 'hc1', mobility: 'live-migration' })
      first(d).vm.exchange!.cluster = null
    })
    expect(finding(mobile('vmware-esx'), 'e2007-non-clustered-vm-mobility', 'ex01')!.fix).toMatch(/move it only by vMotion or a cold restart/)
    expect(finding(mobile('hyper-v-2008-r2'), 'e2007-non-clustered-vm-mobility', 'ex01')!.fix).toMatch(/move it only by Live Migration or a cold restart/)
  })

  it('says a Windows Server 2008 Hyper-V host set to live migration moves VMs by Quick Migration, the only move it has', () => {
    const plan = edit(soundFor('2007'), (d) => {
      Object.assign(first(d).host, { hypervisor: 'hyper-v-2008', cluster: 'hc1', mobility: 'live-migration' })
      first(d).vm.exchange!.cluster = null
    })
    const found = finding(plan, 'e2007-non-clustered-vm-mobility', 'ex01')!
    expect(found.message).toMatch(/its host HV01 is a node of host cluster "hc1" and moves VMs by Quick Migration;/)
    expect(found.fix).toMatch(/Windows Server 2008 Hyper-V has no Live Migration\.$/)
  })
})

describe('e2010-sp1-saved-state', () => {
  it('speaks of failovers and moves only where the host has them', () => {
    const saving = (cluster: string | null) => edit(soundFor('2010'), (d) => {
      first(d).host.cluster = cluster
      first(d).vm.stopAction = 'save'
    })
    expect(finding(saving(null), 'e2010-sp1-saved-state', 'ex01')!.fix).toBe("Set EX01's stop action to shut down, so that EX01 starts cold when HV01 starts again.")
    expect(finding(saving('hc1'), 'e2010-sp1-saved-state', 'ex01')!.fix).toBe("Set EX01's stop action to shut down, so that a failover cold-boots EX01 and a planned move is a live migration or a shutdown and start.")
    const quickAlone = edit(soundFor('2010'), (d) => { Object.assign(first(d).host, { cluster: null, mobility: 'quick-migration' }) })
    expect(finding(quickAlone, 'e2010-sp1-saved-state', 'ex01')!.fix).toBe('Move VMs off HV01 by Live Migration instead of Quick Migration, or by shutting them down and starting them on another host, so that a planned move is a live migration or a shutdown and start.')
    // A host in no cluster has no "other host" to restore a VM on.
    expect(finding(quickAlone, 'e2010-sp1-saved-state', 'ex01')!.message).toContain('restores it on another node of a host cluster (it is in none)')
    const quickInCluster = edit(soundFor('2010'), (d) => { Object.assign(first(d).host, { cluster: 'hc1', mobility: 'quick-migration' }) })
    expect(finding(quickInCluster, 'e2010-sp1-saved-state', 'ex01')!.message).toContain('restores it on the other host')
  })
})

describe('vm-snapshot-unsupported', () => {
  it('asks to merge a differencing disk, and to delete snapshots only where there are some', () => {
    const withDifferencing = (snapshots: number) => edit(soundPlan(), (d) => {
      const { vm: ex01 } = first(d)
      ex01.snapshots = snapshots
      ex01.disks[1]!.kind = 'differencing-vhd'
    })
    const name = first(soundPlan()).vm.disks[1]!.name
    expect(finding(withDifferencing(0), 'vm-snapshot-unsupported', 'ex01')!.fix).toBe(`Merge ${name} of EX01 into fixed disks and take no snapshots; protect it with an Exchange-aware backup instead.`)
    expect(finding(withDifferencing(2), 'vm-snapshot-unsupported', 'ex01')!.fix).toBe(`Delete the snapshots of EX01 and merge ${name} into fixed disks; protect it with an Exchange-aware backup instead.`)
  })
})

describe('quick-migration-is-saved-state', () => {
  it('says a WS2008 host cluster with no moves planned would move its VMs by Quick Migration', () => {
    const plan = (mobility: 'none' | 'quick-migration') => edit(soundPlan(), (d) => { Object.assign(first(d).host, { hypervisor: 'hyper-v-2008', cluster: 'hc1', mobility }) })
    expect(finding(plan('none'), 'quick-migration-is-saved-state', 'hv01')!.message).toBe('HV01 is a node of host cluster "hc1" on Windows Server 2008 Hyper-V, which moves VMs between nodes only by Quick Migration: a planned move saves a VM\'s state, moves it and restores it, so its services are down while that happens.')
    expect(finding(plan('quick-migration'), 'quick-migration-is-saved-state', 'hv01')!.message).toBe('VMs on HV01 move by Quick Migration: each VM\'s state is saved, moved to another node and restored, so its services are down while that happens.')
  })
})

describe('quick-migration-is-saved-state on later Hyper-V', () => {
  it('asks a host that has Live Migration to use it, and says host where there is no cluster', () => {
    const quick = edit(soundPlan(), (d) => { Object.assign(first(d).host, { hypervisor: 'hyper-v-2019', cluster: null, mobility: 'quick-migration' }) })
    const found = finding(quick, 'quick-migration-is-saved-state', 'hv01')!
    expect(found.message).toMatch(/moved to another host and restored/)
    expect(found.fix).toBe('Set HV01\'s mobility to live migration, which Windows Server 2019 Hyper-V has, to move running VMs without an outage.')
  })
})

describe('exchange-update-for-guest-os', () => {
  it('names the update a newer Windows Server needs, and advises the one every update supports', () => {
    const plan = edit(soundFor('2019'), (d) => { Object.assign(first(d).vm, { guestOs: 'ws2022' }); first(d).vm.exchange!.update = 'cu11' })
    const found = finding(plan, 'exchange-update-for-guest-os', 'ex01')!
    expect(found.message).toBe('EX01 runs Exchange Server 2019 CU11 on Windows Server 2022, which Exchange Server 2019 supports from CU12 on.')
    expect(found.fix).toBe('Install CU12 or later on EX01, or run it on Windows Server 2019.')
  })

  it('sends Exchange 2016 before CU3 off Windows Server 2016 to the guest OSs its earlier updates run on', () => {
    const plan = edit(soundFor('2016'), (d) => { first(d).vm.exchange!.update = 'cu2' })
    const found = finding(plan, 'exchange-update-for-guest-os', 'ex01')!
    expect(found.message).toBe('EX01 runs Exchange Server 2016 CU2 on Windows Server 2016, which Exchange Server 2016 supports from CU3 on.')
    expect(found.fix).toBe('Install CU3 or later on EX01, or run it on Windows Server 2012 R2 (or 2012).')
  })

  it('names Exchange 2013 SP1 with its cumulative update, and counts an SP1 install as CU4', () => {
    const plan = edit(soundFor('2013'), (d) => { first(d).vm.exchange!.update = 'rtm' })
    const found = finding(plan, 'exchange-update-for-guest-os', 'ex01')!
    expect(found.message).toBe('EX01 runs Exchange Server 2013 RTM on Windows Server 2012 R2, which Exchange Server 2013 supports from CU4 (SP1) on.')
    expect(found.fix).toBe('Install CU4 (SP1) or later on EX01, or run it on Windows Server 2012 (or 2008 R2 SP1).')
    expect(finding(edit(plan, (d) => { first(d).vm.exchange!.update = 'sp1' }), 'exchange-update-for-guest-os', 'ex01')).toBeUndefined()
  })
})

describe('exchange-update-unknown', () => {
  it('names the update a version never had, and the ones it had, a long run of CUs as a range', () => {
    const e2007 = finding(edit(soundPlan(), (d) => { first(d).vm.exchange!.update = 'cu3' }), 'exchange-update-unknown', 'ex01')!
    expect(e2007.message).toBe('EX01 is recorded as Exchange Server 2007 CU3, an update Exchange Server 2007 never had; the rules that depend on its update level judge a release that does not exist.')
    expect(e2007.fix).toBe("Set EX01's Exchange update to the one installed: RTM, SP1, SP2 or SP3.")
    expect(e2007.source).toBe('Exchange Server build numbers and release dates')
    const e2019 = finding(edit(soundFor('2019'), (d) => { first(d).vm.exchange!.update = 'sp2' }), 'exchange-update-unknown', 'ex01')!
    expect(e2019.fix).toBe("Set EX01's Exchange update to the one installed: RTM or CU1 to CU15.")
    const e2013 = finding(edit(soundFor('2013'), (d) => { first(d).vm.exchange!.update = 'cu24' }), 'exchange-update-unknown', 'ex01')!
    expect(e2013.fix).toBe("Set EX01's Exchange update to the one installed: RTM or CU1 to CU23 (SP1 is CU4).")
  })
})
