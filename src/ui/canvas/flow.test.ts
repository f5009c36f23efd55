import { describe, expect, it } from 'vitest'
import { edit, first, soundPlan } from '../../core/testing/plan-builder.ts'
import { deriveFindings } from '../../store/findings.ts'
import { handlesOf, toEdges, toFlowNodes } from './flow.ts'
import { computeGeometry } from './geometry.ts'

describe('toEdges', () => {
  it('names each line by the disk it leaves and the host disk or LUN behind it, without doubling "LUN"', () => {
    const plan = edit(soundPlan(), (d) => {
      d.storage.push({ id: 'san', name: 'SAN', protocol: 'fc', luns: [{ id: 'l0', name: 'LUN 0', sizeGB: 500 }, { id: 'l1', name: 'Logs', sizeGB: 500 }, { id: 'l2', name: 'LUN1', sizeGB: 500 }] })
      const { host } = first(d)
      host.disks[2]!.lun = 'l0'
      host.disks[3]!.lun = 'l1'
      host.disks[1]!.lun = 'l2'
    })
    const labels = toEdges(plan, null, new Map()).map((edge) => edge.ariaLabel)
    expect(labels).toEqual(expect.arrayContaining([
      "EX01's Database is backed by HV01's Disk 2",
      "HV01's Disk 2 is backed by LUN 0 of SAN",
      "HV01's Disk 3 is backed by LUN Logs of SAN",
      "HV01's Disk 1 is backed by LUN1 of SAN",
    ]))
  })

  it('names a NAS array\'s LUN a share', () => {
    const plan = edit(soundPlan(), (d) => {
      d.storage.push({ id: 'sofs', name: 'SOFS', protocol: 'smb3', luns: [{ id: 's0', name: 'VMs', sizeGB: 500 }, { id: 's1', name: 'Share 1', sizeGB: 500 }] })
      first(d).host.disks[2]!.lun = 's0'
      first(d).host.disks[3]!.lun = 's1'
    })
    const labels = toEdges(plan, null, new Map()).map((edge) => edge.ariaLabel)
    expect(labels).toEqual(expect.arrayContaining(["HV01's Disk 2 is backed by share VMs of SOFS", "HV01's Disk 3 is backed by Share 1 of SOFS"]))
  })
})

describe('toFlowNodes', () => {
  it('calls a host disk on a NAS share a share, and one on a SAN LUN a SAN LUN', () => {
    const plan = edit(soundPlan(), (d) => {
      d.storage.push(
        { id: 'sofs', name: 'SOFS', protocol: 'smb3', luns: [{ id: 'share1', name: 'VMs', sizeGB: 2000 }] },
        { id: 'san', name: 'SAN', protocol: 'fc', luns: [{ id: 'lun1', name: 'Data', sizeGB: 2000 }] },
      )
      first(d).host.disks[2]!.lun = 'share1'
      first(d).host.disks[3]!.lun = 'lun1'
    })
    const nodes = toFlowNodes(plan, computeGeometry(plan, {}), deriveFindings(plan), new Map())
    const share = (id: string) => { const data = nodes.find((node) => node.id === id)!.data; return data.kind === 'pdisk' ? data.share : undefined }
    expect([share('hv01-db'), share('hv01-logs'), share('hv01-os')]).toEqual([true, false, false])
  })

  it('marks a role chip whose server\'s Exchange version has no such role, and names it so', () => {
    const plan = edit(soundPlan(), (d) => { first(d).vm.exchange = { version: '2019', update: 'cu15', roles: ['mailbox', 'hub-transport'], cluster: null } })
    const nodes = toFlowNodes(plan, computeGeometry(plan, {}), deriveFindings(plan), new Map())
    const role = (name: string) => { const node = nodes.find((n) => n.data.kind === 'role' && n.data.role === name)!; return [node.data.kind === 'role' && node.data.lackedBy, node.ariaLabel] }
    expect(role('mailbox')).toEqual([null, 'Mailbox role of EX01'])
    expect(role('hub-transport')).toEqual(['2019', 'Hub Transport role of EX01, which Exchange Server 2019 does not have'])
    const e2007 = toFlowNodes(soundPlan(), computeGeometry(soundPlan(), {}), deriveFindings(soundPlan()), new Map())
    expect(e2007.filter((n) => n.data.kind === 'role' && n.data.lackedBy !== null)).toEqual([])
  })

  it('names a LUN node by what it is: a SAN LUN, or a NAS array\'s share', () => {
    const plan = edit(soundPlan(), (d) => {
      d.storage.push(
        { id: 'sofs', name: 'SOFS', protocol: 'smb3', luns: [{ id: 'share1', name: 'VMs', sizeGB: 2000 }, { id: 'share2', name: 'Share 2', sizeGB: 2000 }] },
        { id: 'san', name: 'SAN', protocol: 'fc', luns: [{ id: 'lun1', name: 'Data', sizeGB: 2000 }, { id: 'lun2', name: 'LUN 2', sizeGB: 2000 }, { id: 'lun3', name: 'lun 3', sizeGB: 2000 }] },
      )
    })
    const nodes = toFlowNodes(plan, computeGeometry(plan, {}), deriveFindings(plan), new Map())
    const label = (id: string) => nodes.find((node) => node.id === id)!.ariaLabel
    expect(['share1', 'share2', 'lun1', 'lun2', 'lun3'].map(label)).toEqual(['Share VMs of SOFS', 'Share 2 of SOFS', 'LUN Data of SAN', 'LUN 2 of SAN', 'lun 3 of SAN'])
  })

  it('names a host\'s own OS as its node does: a parent partition only under Hyper-V', () => {
    const plan = edit(soundPlan(), (d) => {
      d.hosts.push({ ...first(d).host, id: 'srv', name: 'SRV02', hypervisor: 'none', vms: [], disks: [] })
    })
    const nodes = toFlowNodes(plan, computeGeometry(plan, {}), deriveFindings(plan), new Map())
    const label = (id: string) => nodes.find((node) => node.data.kind === 'parent' && node.data.host.id === id)!.ariaLabel
    expect([label('hv01'), label('srv')]).toEqual(['Parent partition of HV01', 'Operating system of SRV02'])
  })
})

describe('handlesOf', () => {
  it('puts the handles where Chromium measures them on a disk of canvas.css (a 9 px handle, a 1 px border)', () => {
    // Measured on the seed template: EX01's Boot (176×54) leaves at 83.5, 48.5; HV01's Disk 1 (176×56) is entered at 83.5, -3.5.
    expect(handlesOf('vdisk', 176, 54)).toEqual([{ id: 'out', type: 'source', position: 'bottom', x: 83.5, y: 48.5, width: 9, height: 9 }])
    expect(handlesOf('pdisk', 176, 56).map(({ id, x, y }) => [id, x, y])).toEqual([['in', 83.5, -3.5], ['out', 83.5, 50.5]])
    expect(handlesOf('lun', 176, 56).map(({ id }) => id)).toEqual(['in'])
    expect(handlesOf('vm', 400, 200)).toEqual([])
  })
})
