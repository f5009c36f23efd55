/**
 * The wording helpers the messages are built from. They are written for speed (a 10,000-VM estate
 * calls them tens of thousands of times per validation), so these pin what they say.
 */
import { describe, expect, it } from 'vitest'
import { HOST_DISK_CONTENTS } from '../model/enums.ts'
import { lunTitle, lunWord, storageUnitTitle } from '../model/labels.ts'
import { count, gb, joinAnd } from './platform-wording.ts'
import { gb as storageGb } from './storage-shared.ts'
import { edit, first, soundPlan } from '../testing/plan-builder.ts'
import { validate, validateWithFixes } from '../validate/validate.ts'
import { DATABASE_AND_LOGS, DATA_CONTENTS, contentsLabel, contentsOf } from './storage-shared.ts'

describe('gb', () => {
  it('writes every size one way: two decimals at most, thousands grouped, in storage and platform findings alike', () => {
    expect(gb(146)).toBe('146 GB')
    expect(gb(1.1 + 2.2 + 2)).toBe('5.3 GB')
    expect(gb(2040.044)).toBe('2,040.04 GB')
    expect(gb(5000)).toBe('5,000 GB')
    // A size too small for two decimals is not shown as nothing.
    expect(gb(0.001)).toBe('0.001 GB')
    expect(gb(0.0012345)).toBe('0.0012 GB')
    expect(gb(0.005)).toBe('0.01 GB')
    expect(gb(0)).toBe('0 GB')
    expect(storageGb).toBe(gb)
  })
})

describe('count', () => {
  it('says one or many, with thousands grouped as the rest of a message groups them', () => {
    expect(count(1, 'VM')).toBe('1 VM')
    expect(count(3, 'snapshot')).toBe('3 snapshots')
    expect(count(1200, 'VM')).toBe('1,200 VMs')
  })
})

describe('virtual processors in findings', () => {
  it('are counted with thousands grouped, as sizes are', () => {
    const many = edit(soundPlan(), (d) => { first(d).vm.vcpus = 100_002 })
    const messages = validate(many).map((finding) => finding.message).filter((message) => message.includes('virtual processors'))
    expect(messages.length).toBeGreaterThan(1)
    for (const message of messages) expect(message).not.toMatch(/\d{5}/)
    expect(messages).toContain('EX01 has 100,002 virtual processors; Windows Server 2008 Hyper-V allows at most 4 per VM.')
  })
})

describe('joinAnd', () => {
  it('lists none, one, two and more items in plain English', () => {
    expect(joinAnd([])).toBe('')
    expect(joinAnd(['a'])).toBe('a')
    expect(joinAnd(['a', 'b'])).toBe('a and b')
    expect(joinAnd(['a', 'b', 'c', 'd'])).toBe('a, b, c and d')
  })
})

describe('contentsLabel', () => {
  it('words a list of disk contents in its order', () => {
    expect(contentsLabel(['database'])).toBe('database')
    expect(contentsLabel(['logs', 'database'])).toBe('logs and database')
    expect(contentsLabel(['database', 'logs'])).toBe('database and logs')
    expect(contentsLabel(['os', 'queue', 'vm-files', 'other'])).toBe('operating system, transport queue, VM files and other files')
    expect(contentsLabel([])).toBe('')
  })

  it('words only the contents among `only`', () => {
    expect(contentsLabel(['os', 'logs', 'pagefile', 'queue'], DATA_CONTENTS)).toBe('logs and transport queue')
    expect(contentsLabel(['queue', 'logs', 'database'], DATABASE_AND_LOGS)).toBe('logs and database')
    expect(contentsLabel(['os'], DATA_CONTENTS)).toBe('')
  })

  it('gives the same words however often and in whatever order lists are asked for (the labels are remembered)', () => {
    const lists = HOST_DISK_CONTENTS.flatMap((a) => HOST_DISK_CONTENTS.map((b) => a === b ? [a] : [a, b]))
    const plain = (list: readonly string[]) => joinAnd(list.map((c) => ({ os: 'operating system', queue: 'transport queue', 'vm-files': 'VM files', other: 'other files' } as Record<string, string>)[c] ?? c))
    for (let round = 0; round < 2; round++) {
      for (const list of round === 0 ? lists : [...lists].reverse()) {
        expect(contentsLabel(list)).toBe(plain(list))
        expect(contentsLabel(list, DATA_CONTENTS)).toBe(plain(list.filter((c) => (DATA_CONTENTS as readonly string[]).includes(c))))
      }
    }
  })

  it('words lists longer than the remembered ones, and words it does not know, as they are', () => {
    const long = Array.from({ length: 20 }, (_, i) => (i % 2 ? 'logs' : 'database'))
    expect(contentsLabel(long)).toBe(joinAnd(long))
    expect(contentsLabel(['database', 'tempdb'])).toBe('database and tempdb')
  })
})

describe('contentsOf', () => {
  it('collects the contents among `only` over several disks, each once, in order', () => {
    const disks = [{ contents: ['os', 'logs'] }, { contents: ['database', 'logs', 'queue'] }]
    expect(contentsOf(disks, DATABASE_AND_LOGS)).toEqual(['logs', 'database'])
    expect(contentsOf(disks, DATA_CONTENTS)).toEqual(['logs', 'database', 'queue'])
  })
})

describe('lunTitle', () => {
  it('names a LUN once, and a share by its own name', () => {
    expect(lunTitle('LUN 0')).toBe('LUN 0')
    expect(lunTitle('lun7')).toBe('lun7')
    expect(lunTitle('Mail data')).toBe('LUN Mail data')
    expect(lunTitle('Share 0')).toBe('Share 0')
    expect(lunTitle('Shared data')).toBe('LUN Shared data')
  })
})

describe('storageUnitTitle', () => {
  it('names a NAS array\'s LUN a share, and a SAN\'s a LUN', () => {
    expect([lunWord('smb3'), lunWord('nfs'), lunWord('fc'), lunWord('iscsi')]).toEqual(['share', 'share', 'LUN', 'LUN'])
    expect(storageUnitTitle('VMs', 'smb3')).toBe('share VMs')
    expect(storageUnitTitle('Share 0', 'smb3')).toBe('Share 0')
    expect(storageUnitTitle('Data', 'fc')).toBe('LUN Data')
    expect(storageUnitTitle('LUN 1', 'iscsi')).toBe('LUN 1')
  })
})

describe('a VHDX on a Hyper-V without the format', () => {
  it('is told the fix its quick fix applies, and a size limit only where the disk is too large for it', () => {
    const vhdx = (sizeGB: number, exchange: boolean) => edit(soundPlan(), (d) => {
      const vm = first(d).vm
      if (!exchange) vm.exchange = null
      Object.assign(vm.disks[0]!, { kind: 'dynamic-vhdx', sizeGB })
    })
    const finding = (plan: ReturnType<typeof soundPlan>) => {
      const { findings, quickFixes } = validateWithFixes(plan)
      const found = findings.find((f) => f.rule === 'fixed-vhd-size-limit' && f.subject === 'ex01-boot')!
      return { message: found.message, fix: found.fix, button: quickFixes.get(found)?.label }
    }
    // A VM without Exchange keeps a dynamic disk: the words and the button say the same.
    expect(finding(vhdx(40, false))).toEqual({
      message: expect.not.stringContaining('2,040') as unknown as string,
      fix: 'Make Boot a dynamic VHD or a pass-through disk.',
      button: 'Make it a dynamic VHD',
    })
    // An Exchange VM's becomes fixed, as Exchange supports no dynamic VHD.
    expect(finding(vhdx(40, true))).toMatchObject({ fix: 'Make Boot a fixed VHD or a pass-through disk.', button: 'Make it a fixed VHD' })
    expect(finding(vhdx(3000, true)).message).toContain('only VHD files, which must be smaller than 2,040 GB')
    expect(finding(vhdx(3000, true)).fix).toBe('Make Boot a fixed VHD smaller than 2,040 GB or a pass-through disk.')
  })
})

describe('Edge Transport beside another role', () => {
  it('is told to stand alone without being told to keep the other roles where another rule says they cannot stay', () => {
    const edgeAndUm = edit(soundPlan(), (d) => { first(d).vm.exchange!.roles = ['edge-transport', 'unified-messaging'] })
    const fixes = Object.fromEntries(validate(edgeAndUm).filter((f) => f.subject === 'ex01').map((f) => [f.rule, f.fix]))
    expect(fixes['um-role-virtualized']).toMatch(/^Remove Unified Messaging from EX01/)
    expect(fixes['edge-transport-alone']).toBe("Put Edge Transport on a server of its own in the perimeter network, apart from EX01's other roles; or remove Edge Transport from EX01.")
  })
})

describe('a dynamic VHD holding Exchange 2013 data', () => {
  it('is told to become a fixed-size VHDX only: the 2013 whitepaper supports no dynamically expanding disk', async () => {
    const { soundFor } = await import('./exchange-modern.cases.ts')
    const fixOn = (version: '2013' | '2016') => {
      const plan = edit(soundFor(version), (d) => {
        const db = first(d).vm.disks.find((disk) => disk.contents.includes('database'))!
        Object.assign(db, { kind: 'dynamic-vhd', backing: first(d).host.disks.find((disk) => disk.online)!.id, controller: 'scsi0' })
      })
      return validate(plan).find((f) => f.rule === (version === '2013' ? 'e2013-storage-types' : 'e16-storage-types'))?.fix
    }
    expect(fixOn('2013')).toMatch(/to a fixed-size VHDX\.$/)
    expect(fixOn('2016')).toMatch(/to a fixed-size VHDX \(or a dynamically expanding VHDX\)\.$/)
  })
})

describe('a VM with three disks on one IDE controller', () => {
  it('keeps its OS disk on IDE and is offered to move the disk past two to SCSI, or to the other IDE controller without integration components', () => {
    const threeOnIde0 = (ic: 'rtm' | 'none') => edit(soundPlan(), (d) => {
      const vm = first(d).vm
      vm.integrationComponents = ic
      vm.disks.push({ ...vm.disks[1]!, id: 'ex01-a', name: 'Archive', controller: 'ide0', backing: null }, { ...vm.disks[1]!, id: 'ex01-b', name: 'Backup', controller: 'ide0', backing: null })
    })
    const found = (plan: ReturnType<typeof soundPlan>) => {
      const { findings, quickFixes } = validateWithFixes(plan)
      const finding = findings.find((f) => f.rule === 'vm-ide-limit')!
      return { message: finding.message, button: quickFixes.get(finding)?.label }
    }
    expect(found(threeOnIde0('rtm'))).toEqual({
      message: 'EX01 on HV01 has 3 disks on IDE 0 (Boot, Archive and Backup); a virtual IDE controller of Windows Server 2008 Hyper-V holds two devices, and the VM has two such controllers.',
      button: 'Move Backup to SCSI 0',
    })
    expect(found(threeOnIde0('none')).button).toBe('Move Backup to IDE 1')
    const fixOf = (plan: ReturnType<typeof soundPlan>) => validate(plan).find((f) => f.rule === 'vm-ide-limit')!.fix
    expect(fixOf(threeOnIde0('none'))).toBe('Attach Backup of EX01 to the other IDE controller where it has room; for more disks, install the integration components in EX01 and attach them to a SCSI controller. Keep the OS disk on IDE.')
    expect(fixOf(threeOnIde0('rtm'))).toMatch(/^Attach Backup of EX01 to a SCSI controller/)
  })
})

describe('an OS disk that cannot boot where it is', () => {
  it('is told the IDE controller its quick fix takes, room made first where both are full, and IDE alone where every VM is Generation 1', () => {
    const scsiBoot = (onIde: number) => edit(soundPlan(), (d) => {
      const vm = first(d).vm
      vm.disks[0]!.controller = 'scsi1'
      for (let i = 0; i < onIde; i++) vm.disks.push({ ...vm.disks[1]!, id: `ex01-i${i}`, name: `Data ${i}`, controller: i < 2 ? 'ide0' : 'ide1', backing: null })
    })
    const boot = (plan: ReturnType<typeof soundPlan>) => {
      const { findings, quickFixes } = validateWithFixes(plan)
      const finding = findings.find((f) => f.rule === 'vm-boot-disk-on-ide')!
      return { fix: finding.fix, button: quickFixes.get(finding)?.label }
    }
    expect(boot(scsiBoot(0))).toEqual({ fix: 'Attach Boot to IDE 0 on EX01.', button: 'Attach it to IDE 0' })
    expect(boot(scsiBoot(2))).toEqual({ fix: 'Attach Boot to IDE 1 on EX01.', button: 'Attach it to IDE 1' })
    expect(boot(scsiBoot(4))).toEqual({ fix: 'Move a data disk of EX01 off IDE 0 to a SCSI controller (both IDE controllers hold two disks), then attach Boot to IDE 0.', button: undefined })
    const guestBoot = (hypervisor: 'hyper-v-2008' | 'hyper-v-2016') => edit(soundPlan(), (d) => {
      first(d).host.hypervisor = hypervisor
      Object.assign(first(d).vm.disks[0]!, { kind: 'iscsi-guest', controller: null, backing: null })
    })
    expect(boot(guestBoot('hyper-v-2008')).fix).toBe('Make Boot a fixed VHD or a pass-through disk on IDE 0 of EX01; keep guest-attached LUNs for Exchange data.')
    expect(boot(guestBoot('hyper-v-2016')).fix).toBe('Make Boot a fixed VHD or a pass-through disk on a virtual controller of EX01 (IDE 0 for a Generation 1 VM); keep guest-attached LUNs for Exchange data.')
  })
})

describe('an Exchange VM\'s OS disk on the guest\'s own iSCSI initiator', () => {
  it('is not called supported by iscsi-in-guest-perf, on Hyper-V or on VMware ESX', () => {
    for (const hypervisor of ['hyper-v-2008', 'vmware-esx'] as const) {
      const plan = edit(soundPlan(), (d) => {
        Object.assign(first(d).host, { hypervisor, svvpValidated: hypervisor === 'vmware-esx' })
        Object.assign(first(d).vm.disks[0]!, { kind: 'iscsi-guest', controller: null, backing: null })
      })
      const info = validate(plan).find((f) => f.rule === 'iscsi-in-guest-perf' && f.subject === 'ex01-boot')!
      expect(info.message).not.toContain('supported')
      expect(info.message).toContain('EX01 cannot boot from it')
    }
  })
})

describe('numbers in findings', () => {
  it('group their thousands everywhere, however large the plan\'s values (KB numbers aside)', () => {
    // Every Exchange version: the sound 2007 plan, and the same plan made 2010, 2013, 2016 and 2019 on Hyper-V 2019.
    const plans = [soundPlan(), ...(['2010', '2013', '2016', '2019'] as const).map((version) => edit(soundPlan(), (d) => {
      const { host, vm } = first(d)
      host.hypervisor = 'hyper-v-2019'
      vm.guestOs = 'ws2019'
      vm.exchange = { ...vm.exchange!, version, update: version === '2010' ? 'sp3' : 'cu1', roles: ['mailbox'] }
    })), ...(['2007', '2013', '2019'] as const).map((version) => edit(soundPlan(), (d) => {
      // Exchange on a bare-metal server: its sockets and cores are the server's own.
      const { host } = first(d)
      host.hypervisor = 'none'
      host.vms = []
      host.parent.exchange = { version, update: version === '2007' ? 'sp3' : 'cu1', roles: ['mailbox'], cluster: null }
    }))]
    const texts = plans.flatMap((plan) => validate(edit(plan, (d) => {
      d.organization.mailboxes = 12_345_678
      const host = d.hosts[0]!
      host.hardware.sockets = 99_999_999
      host.hardware.ramGB = 9_999_999_999
      for (const disk of host.disks) disk.sizeGB = 123_456_789
      for (const vm of host.vms) {
        vm.vcpus = 1_234_567
        vm.ramGB = 7_654_321
        vm.snapshots = 1_234_567
        for (const disk of vm.disks) disk.sizeGB = 98_765_432
      }
    })).flatMap((finding) => [finding.message, finding.fix].map((text) => `${finding.rule}: ${text}`)))
    expect(texts.length).toBeGreaterThan(50)
    // Four digits or more in a row, other than a year in a product's name (Windows Server 2008) or a KB number.
    expect(texts.filter((text) => /(?<!KB)(?<![\d,.])(?!(?:19|20)\d\d\b)\d{4,}/.test(text))).toEqual([])
  })

  it('group the thousands of a host\'s VMs counted against its running-VM limit', () => {
    const crowded = edit(soundPlan(), (d) => {
      const { host, vm } = first(d)
      host.hypervisor = 'hyper-v-2019'
      host.vms = Array.from({ length: 1_025 }, (_, i) => ({ ...structuredClone(vm), id: `vm${i}`, name: `VM${i}`, exchange: null, disks: [] }))
    })
    expect(validate(crowded).find((f) => f.rule === 'host-running-vm-limit')?.message).toMatch(/^HV01 runs 1,025 VMs; .* supports at most 1,024 running VMs per host\.$/)
  })
})
