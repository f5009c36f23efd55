import { describe, expect, it } from 'vitest'
import { edit, first, soundPlan, virtualDisk } from '../testing/plan-builder.ts'
import { PlanIndex } from '../validate/plan-index.ts'
import { validate } from '../validate/validate.ts'
import { fixedSpace } from './capacity.ts'

/** Disk 2 of HV01 (300 GB) holds three dynamic VHDs of EX01: 200, 150 and 90 GB. */
const plan = edit(soundPlan(), (d) => {
  const ex01 = first(d).vm
  ex01.disks = [
    virtualDisk({ id: 'a', kind: 'dynamic-vhd', sizeGB: 200, backing: 'hv01-db' }),
    virtualDisk({ id: 'b', kind: 'dynamic-vhd', sizeGB: 150, backing: 'hv01-db' }),
    virtualDisk({ id: 'c', kind: 'dynamic-vhd', sizeGB: 90, backing: 'hv01-db' }),
  ]
})

describe('fixedSpace', () => {
  /** The index of the plan, and the refs of EX01's three disks. */
  const indexed = () => {
    const index = new PlanIndex(plan)
    const [a, b, c] = index.vms[0]!.disks
    return { space: fixedSpace(index), a: a!, b: b!, c: c! }
  }

  it('hands out a disk\'s room one fix at a time', () => {
    const { space, a, b, c } = indexed()
    expect(space.take(a, 'fixed-vhd', a.disk.sizeGB)).toBe(true)
    expect(space.take(b, 'fixed-vhd', b.disk.sizeGB)).toBe(false) // 350 GB on 300
    expect(space.take(c, 'fixed-vhd', c.disk.sizeGB)).toBe(true) // 290 GB
  })

  it('takes all or none of the room for disks made fixed together', () => {
    const { space, a, b, c } = indexed()
    expect(space.takeAll([a, b], 'fixed-vhd')).toBe(false)
    // What the refused pair would have taken is free again for the next fix.
    expect(space.take(a, 'fixed-vhd', a.disk.sizeGB)).toBe(true)
    expect(space.takeAll([c], 'fixed-vhd')).toBe(true)
  })

  it('lets anything but a fixed file on a host disk fit: a disk not connected, or a dynamic file', () => {
    const { space, a, b } = indexed()
    expect(space.take(a, 'fixed-vhd', 300)).toBe(true)
    expect(space.take(b, 'dynamic-vhd', 10_000)).toBe(true)
    const unplugged = new PlanIndex(edit(plan, (d) => { first(d).vm.disks[1]!.backing = null })).vms[0]!.disks[1]!
    expect(fixedSpace(new PlanIndex(plan)).take(unplugged, 'fixed-vhd', 10_000)).toBe(true)
  })
})

describe('capacity-sum-check words', () => {
  const over = (kinds: readonly ('fixed-vhd' | 'fixed-vhdx')[]) => validate(edit(plan, (d) => {
    first(d).vm.disks.forEach((disk, i) => { if (kinds[i]) disk.kind = kinds[i]; else disk.backing = null })
  })).find((f) => f.rule === 'capacity-sum-check')!.message

  it('names fixed VHDX files as VHDX, VHD files as VHD, and both kinds together as files', () => {
    expect(over(['fixed-vhdx', 'fixed-vhdx'])).toMatch(/is to hold 350 GB of fixed VHDXs: /)
    expect(over(['fixed-vhd', 'fixed-vhd'])).toMatch(/is to hold 350 GB of fixed VHDs: /)
    expect(over(['fixed-vhd', 'fixed-vhdx'])).toMatch(/is to hold 350 GB of fixed VHD and VHDX files: .*; a fixed virtual disk takes its full size/)
  })
})

describe('capacity-sum-check on a shared LUN', () => {
  it('calls a NAS array\'s LUN a share', () => {
    const shared = edit(soundPlan(), (d) => {
      d.storage.push({ id: 'nas', name: 'NAS01', protocol: 'smb3', luns: [{ id: 'vms', name: 'VMs', sizeGB: 300 }] })
      const h = first(d).host
      h.hypervisor = 'hyper-v-2012-r2'
      h.disks[2]!.lun = 'vms'
      h.disks[3]!.lun = 'vms'
      Object.assign(h.vms[0]!.disks[1]!, { kind: 'fixed-vhdx', sizeGB: 200 })
      Object.assign(h.vms[0]!.disks[2]!, { kind: 'fixed-vhdx', sizeGB: 200 })
    })
    const finding = validate(shared).find((f) => f.rule === 'capacity-sum-check' && f.subject === 'vms')!
    expect(finding.message).toMatch(/^NAS01's share VMs \(300 GB\) is to hold 400 GB of fixed virtual disk files, 200 GB through HV01's Disk 2 and 200 GB through HV01's Disk 3; they share its space\.$/)
    expect(finding.fix).toMatch(/to another share\.$/)
  })
})

describe('capacity-sum-check sources', () => {
  it('cites for each finding the source of the check that made it, and all of them for the rule', () => {
    const over = edit(plan, (d) => {
      first(d).host.hardware.ramGB = 4
      for (const disk of first(d).vm.disks) disk.kind = 'fixed-vhd'
    })
    const found = validate(over).filter((f) => f.rule === 'capacity-sum-check')
    const memory = found.find((f) => f.subject === 'hv01')!
    const files = found.find((f) => f.subject === 'hv01-db')!
    expect(memory.source).toMatch(/^Derived from Exchange 2016\/2019 virtualization \(memory fully backed\) and Hardware Considerations for Hyper-V/)
    expect(memory.source).not.toMatch(/fixed VHD/)
    expect(files.source).toBe('Derived from Planning for Disks and Storage (Hyper-V: a fixed VHD takes its full size when created)')
    expect((JSON.parse(JSON.stringify(files)) as { source: string }).source).toBe(files.source)
  })
})
