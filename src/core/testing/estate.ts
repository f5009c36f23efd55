/**
 * A generated estate of a given size, shaped like a real one: clustered Hyper-V hosts with 8 VMs
 * each, every VM with a boot disk, database and log disks (VHDs, pass-through and iSCSI), Exchange
 * roles, CCR pairs, and an iSCSI SAN whose LUNs back host disks and guests' own disks. Used by benchmarks and scale tests.
 */
import type { Host, Plan, VirtualDisk, Vm } from '../model/plan.ts'

const VMS_PER_HOST = 8

export function generateEstate(vmCount: number, name = `Generated estate, ${vmCount} VMs`): Plan {
  const hostCount = Math.ceil(vmCount / VMS_PER_HOST)
  const luns = Array.from({ length: hostCount * 2 }, (_, i) => ({ id: `lun${i}`, name: `LUN ${i}`, sizeGB: 2000 }))
  const hosts: Host[] = []
  for (let h = 0; h < hostCount; h++) {
    const hostId = `hv${h}`
    const vmsHere = Math.min(VMS_PER_HOST, vmCount - h * VMS_PER_HOST)
    const disks: Host['disks'] = [
      { id: `${hostId}-os`, name: 'System', sizeGB: 300, online: true, contents: ['os'], lun: null },
      { id: `${hostId}-vms`, name: 'VM store', sizeGB: 2000, online: true, contents: ['vm-files'], lun: `lun${h * 2}` },
    ]
    const vms: Vm[] = []
    for (let v = 0; v < vmsHere; v++) {
      const vmId = `${hostId}-ex${v}`
      const passId = `${vmId}-pt`
      disks.push({ id: passId, name: `Pass-through for ${vmId}`, sizeGB: 500, online: v % 5 === 0, contents: [], lun: null })
      const vmDisks: VirtualDisk[] = [
        { id: `${vmId}-boot`, name: 'Boot', kind: v % 7 === 0 ? 'dynamic-vhd' : 'fixed-vhd', controller: v % 11 === 0 ? 'scsi0' : 'ide0', sizeGB: 60, backing: `${hostId}-vms`, contents: ['os', 'pagefile'] },
        { id: `${vmId}-db`, name: 'Database', kind: 'pass-through', controller: 'scsi0', sizeGB: 500, backing: passId, contents: ['database'] },
        { id: `${vmId}-logs`, name: 'Logs', kind: v % 3 === 0 ? 'iscsi-guest' : 'fixed-vhd', controller: v % 3 === 0 ? null : 'scsi1', sizeGB: 100, backing: v % 3 === 0 ? `lun${h * 2 + 1}` : `${hostId}-vms`, contents: ['logs', 'queue'] },
      ]
      const mailbox = v % 2 === 0
      vms.push({
        id: vmId, name: `EX-${h}-${v}`, guestOs: 'ws2008-x64', integrationComponents: v % 13 === 0 ? 'none' : 'rtm',
        vcpus: v % 9 === 0 ? 6 : 2, ramGB: 8, dynamicMemory: v % 17 === 0, snapshots: v % 19 === 0 ? 1 : 0, stopAction: 'shutdown',
        roles: [], network: [{ adapter: 'synthetic', switch: 'external' }], disks: vmDisks,
        exchange: {
          version: '2007', update: 'sp1',
          roles: mailbox ? ['mailbox'] : ['client-access', 'hub-transport'],
          cluster: mailbox ? { kind: 'ccr', id: `ccr${Math.floor(h / 2)}-${v}` } : null,
        },
        backup: { method: v % 4 === 0 ? 'host-vss' : 'agent', product: v % 4 === 0 ? 'Windows Server Backup' : 'DPM 2007' },
      })
    }
    hosts.push({
      id: hostId, name: `HV-${h}`,
      hardware: { sockets: 2, coresPerSocket: 4, threadsPerCore: 2, ramGB: 96, x64: true, hardwareVirtualization: true, dep: true, certified: h % 10 !== 0 },
      hypervisor: h % 2 === 0 ? 'hyper-v-2008' : 'hyper-v-2008-r2', svvpValidated: false, hyperVRtmUpdate: true,
      cluster: h % 4 === 0 ? `cluster${Math.floor(h / 4)}` : null, mobility: h % 4 === 0 ? 'quick-migration' : 'none',
      parent: { edition: 'enterprise', installation: h % 3 === 0 ? 'full' : 'core', roles: ['hyper-v'], applications: [], exchange: null, backup: { method: 'none' } },
      disks, vms,
    })
  }
  return {
    format: 'vexplan/plan', version: 1, name,
    organization: { mailboxes: vmCount * 100, activeDirectory: true },
    hosts,
    // An iSCSI SAN: the hosts' VM stores are LUNs of it, and so are the logs the guests attach with their own initiators.
    storage: [{ id: 'san1', name: 'SAN 1', protocol: 'iscsi', luns }],
    layout: {},
  }
}
