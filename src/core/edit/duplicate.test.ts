import { describe, expect, it } from 'vitest'
import { loadPlanValue } from '../io/load.ts'
import type { Plan } from '../model/plan.ts'
import { edit, first, lun, physicalDisk, soundPlan, storageArray, virtualDisk, vm } from '../testing/plan-builder.ts'
import { validate } from '../validate/validate.ts'
import { duplicateEntity, nextCopyName, renamedWith } from './duplicate.ts'
import { applyEdit } from './edits.ts'

/** Duplicates `id` and checks the result is a valid plan. */
function duplicate(plan: Plan, id: string): { plan: Plan; id: string } {
  const placement = duplicateEntity(plan, id)
  if (!placement.ok) throw new Error(placement.reason)
  const result = applyEdit(plan, placement.edit)
  if (!result.ok) throw new Error(JSON.stringify(result.problems))
  expect(loadPlanValue(result.value).ok).toBe(true)
  return { plan: result.value, id: placement.id }
}

const serious = (plan: Plan) => validate(plan).filter((f) => f.severity !== 'info').map((f) => `${f.rule} ${f.subject}`)

describe('nextCopyName', () => {
  it('carries on the original\'s numbering, with its padding, past names in use', () => {
    expect(nextCopyName(new Set(['EX01']), 'EX01')).toBe('EX02')
    expect(nextCopyName(new Set(['EX01', 'EX02', 'EX03']), 'EX01')).toBe('EX04')
    expect(nextCopyName(new Set(['EX09']), 'EX09')).toBe('EX10')
    expect(nextCopyName(new Set(['MBX-9']), 'MBX-9')).toBe('MBX-10')
    expect(nextCopyName(new Set(['EX1']), 'EX1')).toBe('EX2')
    expect(nextCopyName(new Set(['Mailbox server']), 'Mailbox server')).toBe('Mailbox server 2')
    expect(nextCopyName(new Set(['Mailbox server', 'Mailbox server 2']), 'Mailbox server')).toBe('Mailbox server 3')
  })

  it('takes the name it gives, so copies made together differ', () => {
    const names = new Set(['EX01'])
    expect([nextCopyName(names, 'EX01'), nextCopyName(names, 'EX01')]).toEqual(['EX02', 'EX03'])
  })
})

describe('renamedWith', () => {
  it('gives a child the copy\'s name where it carried its parent\'s, as a whole word only', () => {
    expect(renamedWith('EXMBX01 DB', 'EXMBX01', 'EXMBX02')).toBe('EXMBX02 DB')
    expect(renamedWith('Logs of EX01', 'EX01', 'EX02')).toBe('Logs of EX02')
    expect(renamedWith('HV01-Disk 2', 'HV01', 'HV02')).toBe('HV02-Disk 2')
    expect(renamedWith('Boot', 'EX01', 'EX02')).toBe('Boot')
    expect(renamedWith('EX10 data', 'EX1', 'EX2')).toBe('EX10 data')
    expect(renamedWith('MyEX1 data', 'EX1', 'EX2')).toBe('MyEX1 data')
    expect(renamedWith('EX10 EX1 data', 'EX1', 'EX2')).toBe('EX10 EX2 data')
    expect(renamedWith('EX1 to EX1', 'EX1', 'EX2')).toBe('EX2 to EX2')
    expect(renamedWith('Databases of mbx01', 'MBX01', 'MBX03')).toBe('Databases of mbx03')
    expect(renamedWith('Logs of Mbx01', 'MBX01', 'MBX03')).toBe('Logs of MBX03')
  })

  it('renames the disks of a copied VM and host that carry their name', () => {
    const plan = edit(soundPlan(), (d) => {
      first(d).vm.disks[1]!.name = 'EX01 DB'
      first(d).host.disks[2]!.name = 'HV01 DB LUN'
    })
    const vmCopy = duplicate(plan, 'ex01')
    expect(first(vmCopy.plan).host.vms[1]!.disks.map((disk) => disk.name)).toEqual(['Boot', 'EX02 DB', 'Logs'])
    const hostCopy = duplicate(plan, 'hv01')
    expect(hostCopy.plan.hosts[1]!.disks[2]!.name).toBe('HV02 DB LUN')
  })
})

describe('duplicateEntity: a VM', () => {
  it('copies settings, disks and Exchange roles beside the original, with fresh names and ids, and leaves the input alone', () => {
    const plan = soundPlan()
    const before = structuredClone(plan)
    const copy = duplicate(plan, 'ex01')
    expect(plan).toEqual(before)
    const [original, added] = first(copy.plan).host.vms
    expect(copy.id).toBe('ex02')
    expect(added).toMatchObject({ id: 'ex02', name: 'EX02', guestOs: original!.guestOs, vcpus: original!.vcpus, ramGB: original!.ramGB, exchange: original!.exchange })
    expect(added!.disks.map((disk) => [disk.id, disk.name, disk.kind, disk.controller, disk.contents])).toEqual(
      original!.disks.map((disk) => [disk.id.replace('ex01', 'ex02'), disk.name, disk.kind, disk.controller, disk.contents]))
  })

  it('leaves pass-through and guest-attached disks not connected, as they belong to the original, and keeps VHD files on their host disk', () => {
    const plan = edit(soundPlan(), (d) => {
      d.storage.push(storageArray({ id: 'san', luns: [lun({ id: 'san-l1' })] }))
      first(d).vm.disks.push(
        virtualDisk({ id: 'ex01-vhd', name: 'Files', kind: 'fixed-vhd', controller: 'scsi1', backing: 'hv01-os', sizeGB: 20, contents: ['other'] }),
        virtualDisk({ id: 'ex01-iscsi', name: 'Archive', kind: 'iscsi-guest', controller: null, backing: 'san-l1', contents: ['other'] }),
      )
    })
    const added = first(duplicate(plan, 'ex01').plan).host.vms[1]!
    expect(added.disks.map((disk) => [disk.kind, disk.backing])).toEqual([
      ['pass-through', null], ['pass-through', null], ['pass-through', null], ['fixed-vhd', 'hv01-os'], ['iscsi-guest', null],
    ])
    expect(duplicateEntity(plan, 'ex01')).toMatchObject({ notes: ["EX02's disks Boot, Database, Logs and Archive are not connected: a pass-through or guest-attached disk belongs to one VM"] })
    const one = edit(soundPlan(), (d) => { first(d).vm.disks = first(d).vm.disks.slice(0, 1) })
    expect(duplicateEntity(one, 'ex01')).toMatchObject({ notes: ["EX02's disk Boot is not connected: a pass-through or guest-attached disk belongs to one VM"] })
  })

  it('goes right after the original and numbers past every server name in the plan', () => {
    const plan = edit(soundPlan(), (d) => { first(d).host.vms.push(vm({ id: 'other', name: 'EX02' })) })
    const vms = first(duplicate(plan, 'ex01').plan).host.vms
    expect(vms.map((v) => v.name)).toEqual(['EX01', 'EX03', 'EX02'])
  })

  it('joins its original\'s cluster only while the cluster has a seat: a CCR cluster has two nodes, a DAG sixteen', () => {
    const mailbox = (id: string, kind: 'ccr' | 'scc' | 'dag', cluster: string) =>
      vm({ id, name: id.toUpperCase(), exchange: { version: kind === 'dag' ? '2010' : '2007', update: 'sp1', roles: ['mailbox'], cluster: { kind, id: cluster } } })
    const clusterOf = (plan: Plan, id: string) => plan.hosts.flatMap((h) => h.vms).find((v) => v.id === id)!.exchange!.cluster
    const lonely = edit(soundPlan(), (d) => { first(d).host.vms.push(mailbox('mbx01', 'ccr', 'ccr1')) })
    const second = duplicate(lonely, 'mbx01')
    expect(clusterOf(second.plan, second.id)).toEqual({ kind: 'ccr', id: 'ccr1' })
    expect(duplicateEntity(lonely, 'mbx01')).toMatchObject({ notes: [] })
    const third = duplicate(second.plan, 'mbx01')
    expect(clusterOf(third.plan, third.id)).toBeNull()
    expect(duplicateEntity(second.plan, 'mbx01')).toMatchObject({ notes: ['MBX03 is in no cluster: CCR cluster ccr1 already has its 2 members'] })
    expect(first(third.plan).host.vms.find((v) => v.id === third.id)!.exchange).toMatchObject({ version: '2007', roles: ['mailbox'] })

    const scc = edit(soundPlan(), (d) => { first(d).host.vms.push(mailbox('scc01', 'scc', 'scc1'), mailbox('scc02', 'scc', 'scc1')) })
    const sccCopy = duplicate(scc, 'scc01')
    expect(clusterOf(sccCopy.plan, sccCopy.id)).toEqual({ kind: 'scc', id: 'scc1' })

    const dag = edit(soundPlan(), (d) => {
      first(d).host.vms.push(...Array.from({ length: 15 }, (_, i) => mailbox(`dag${String(i + 1).padStart(2, '0')}`, 'dag', 'dag1')))
    })
    const sixteenth = duplicate(dag, 'dag01')
    expect(clusterOf(sixteenth.plan, sixteenth.id)).toEqual({ kind: 'dag', id: 'dag1' })
    const seventeenth = duplicate(sixteenth.plan, 'dag01')
    expect(clusterOf(seventeenth.plan, seventeenth.id)).toBeNull()
  })
})

describe('duplicateEntity: a host', () => {
  it('counts the copies it makes: of a host holding a CCR pair, no copy joins the full cluster', () => {
    const mailbox = (id: string) => vm({ id, name: id.toUpperCase(), exchange: { version: '2007', update: 'sp1', roles: ['mailbox'], cluster: { kind: 'ccr', id: 'ccr1' } } })
    const plan = edit(soundPlan(), (d) => {
      first(d).host.vms.push(mailbox('mbx01'))
      first(d).host.parent.exchange = { version: '2007', update: 'sp1', roles: ['hub-transport'], cluster: { kind: 'dag', id: 'dag9' } }
    })
    const oneSeat = duplicate(plan, 'hv01').plan.hosts[1]!
    expect(oneSeat.vms.at(-1)!.exchange!.cluster).toEqual({ kind: 'ccr', id: 'ccr1' })
    expect(oneSeat.parent.exchange!.cluster).toEqual({ kind: 'dag', id: 'dag9' })
    const full = edit(plan, (d) => { first(d).host.vms.push(mailbox('mbx02')) })
    const copied = duplicate(full, 'hv01').plan.hosts[1]!
    expect(copied.vms.slice(-2).map((v) => v.exchange!.cluster)).toEqual([null, null])
  })

  it('copies a sound host into a sound host: its disks, and its VMs passing through the copy\'s own disks', () => {
    const copy = duplicate(soundPlan(), 'hv01')
    const added = copy.plan.hosts[1]!
    expect(copy.id).toBe('hv02')
    expect(added).toMatchObject({ id: 'hv02', name: 'HV02' })
    expect(added.disks.map((disk) => disk.id)).toEqual(['hv02-os', 'hv02-boot', 'hv02-db', 'hv02-logs'])
    expect(added.vms.map((v) => [v.name, v.disks.map((disk) => disk.backing)])).toEqual([['EX02', ['hv02-boot', 'hv02-db', 'hv02-logs']]])
    expect(serious(copy.plan)).toEqual([])
  })

  it('keeps a host disk on its LUN, unless a VM passes it through (that LUN is the original VM\'s)', () => {
    const plan = edit(soundPlan(), (d) => {
      d.storage.push(storageArray({ id: 'san', luns: [lun({ id: 'san-files' }), lun({ id: 'san-db' })] }))
      const { host } = first(d)
      host.disks.push(physicalDisk({ id: 'hv01-csv', name: 'CSV', online: true, lun: 'san-files', contents: ['vm-files'] }))
      host.disks.find((disk) => disk.id === 'hv01-db')!.lun = 'san-db'
    })
    const added = duplicate(plan, 'hv01').plan.hosts[1]!
    expect(added.disks.find((disk) => disk.name === 'CSV')!.lun).toBe('san-files')
    expect(added.disks.find((disk) => disk.name === 'Disk 2')!.lun).toBeNull()
    expect(duplicateEntity(plan, 'hv01')).toMatchObject({ notes: ["HV02's disk Disk 2 is a local disk, on no LUN: HV01's VMs have its LUN passed through whole"] })
    const twoOff = edit(plan, (d) => { first(d).host.disks.find((disk) => disk.id === 'hv01-logs')!.lun = 'san-files' })
    expect(duplicateEntity(twoOff, 'hv01')).toMatchObject({ notes: ["HV02's disks Disk 2 and Disk 3 are local disks, on no LUN: HV01's VMs have their LUNs passed through whole"] })
    expect(duplicateEntity(soundPlan(), 'hv01')).toMatchObject({ notes: [] })
  })

  it('keeps the LUN of a host disk that only holds VHD files of a VM', () => {
    const plan = edit(soundPlan(), (d) => {
      d.storage.push(storageArray({ id: 'san', luns: [lun({ id: 'san-files' })] }))
      const { host, vm } = first(d)
      host.disks.push(physicalDisk({ id: 'hv01-csv', name: 'CSV', online: true, lun: 'san-files', contents: ['vm-files'] }))
      vm.disks.push(virtualDisk({ id: 'ex01-vhdx', name: 'VHDX', kind: 'fixed-vhdx', controller: 'scsi1', backing: 'hv01-csv' }))
    })
    const added = duplicate(plan, 'hv01').plan.hosts[1]!
    const csv = added.disks.find((disk) => disk.name === 'CSV')!
    expect(csv.lun).toBe('san-files')
    expect(added.vms[0]!.disks.at(-1)!.backing).toBe(csv.id)
  })

  it('refuses what is neither a VM nor a host, saying what can be', () => {
    expect(duplicateEntity(soundPlan(), 'ex01-db')).toEqual({ ok: false, reason: 'Only a virtual machine or a host can be duplicated' })
    expect(duplicateEntity(soundPlan(), 'nothing').ok).toBe(false)
  })
})
