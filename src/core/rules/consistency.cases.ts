import type { Plan } from '../model/plan.ts'
import type { RuleCases } from '../testing/rule-cases.ts'
import { edit, first, lun, physicalDisk, soundPlan, storageArray, virtualDisk } from '../testing/plan-builder.ts'
import { bareMetal, dagOnTwoHosts, install, soundFor } from './exchange-modern.cases.ts'
import { pairOnTwoHosts, twinHost } from './ha.cases.ts'

/** soundFor(2019) with its host's Windows Server edition set. */
const edition2019 = (edition: 'standard' | 'enterprise' | 'datacenter'): Plan => edit(soundFor('2019'), (d) => { first(d).host.parent.edition = edition })

/** soundPlan with EX01's logs on a LUN of an array of `protocol`, attached from the guest as `kind`. */
const guestAttached = (kind: 'iscsi-guest' | 'fc-guest', protocol: 'fc' | 'iscsi' | 'sas' | 'smb3'): Plan => edit(soundPlan(), (d) => {
  d.storage.push(storageArray({ id: 'san1', name: 'SAN 1', protocol, luns: [lun({ id: 'lun1', name: 'LUN 1' })] }))
  const { vm: ex01 } = first(d)
  ex01.disks[2] = virtualDisk({ id: 'ex01-logs', name: 'Logs', kind, controller: null, backing: 'lun1', contents: ['logs', 'queue'] })
})

/** HV01 and HV02 (a twin), each with a disk "VM store" on LUN 0 of an FC SAN, online as given. */
const lunOnTwoHosts = (online: [boolean, boolean], clusters: [string | null, string | null] = [null, null], hypervisor: 'hyper-v-2008-r2' | 'vmware-esx' = 'hyper-v-2008-r2'): Plan => edit(soundPlan(), (d) => {
  d.storage.push(storageArray({ id: 'san1', name: 'SAN 1', luns: [lun({ id: 'lun0', name: 'LUN 0' })] }))
  d.hosts.push(twinHost(d, 2))
  d.hosts.forEach((h, i) => {
    h.hypervisor = hypervisor
    if (hypervisor === 'vmware-esx') h.svvpValidated = true
    h.cluster = clusters[i]!
    h.disks.push(physicalDisk({ id: `${h.id}-store`, name: 'VM store', sizeGB: 500, online: online[i]!, contents: ['vm-files'], lun: 'lun0' }))
  })
})

export const cases: RuleCases[] = [
  {
    rule: 'host-edition-in-version',
    fires: [
      { name: 'a Windows Server 2019 Hyper-V host on the Enterprise edition, which 2012 and later do not have', plan: edition2019('enterprise'), subjects: ['hv01'], severity: 'warning' },
      { name: 'a bare-metal server whose OS is the free Hyper-V Server', plan: edit(bareMetal(install('2019')), (d) => { d.hosts[1]!.parent.edition = 'hyper-v-server' }), subjects: ['bm01'] },
      { name: 'a Windows Server 2022 Hyper-V host on the free Hyper-V Server, last released for 2019', plan: edit(soundFor('2019'), (d) => { Object.assign(first(d).host, { hypervisor: 'hyper-v-2022' }); first(d).host.parent.edition = 'hyper-v-server' }), subjects: ['hv01'] },
    ],
    silent: [
      { name: 'a Windows Server 2019 Hyper-V host on Datacenter', plan: edition2019('datacenter') },
      { name: 'a Windows Server 2019 Hyper-V host on Standard', plan: edition2019('standard') },
      { name: 'a Windows Server 2008 Hyper-V host on Enterprise (2008 had it)', plan: soundPlan() },
      { name: 'a Hyper-V 2019 host on the free Hyper-V Server 2019', plan: edit(soundFor('2019'), (d) => { first(d).host.parent.edition = 'hyper-v-server' }) },
      { name: 'a bare-metal Exchange 2019 server on Standard', plan: edit(bareMetal(install('2019')), (d) => { d.hosts[1]!.parent.edition = 'standard' }) },
    ],
  },
  {
    rule: 'exchange-cluster-kind-in-version',
    fires: [
      { name: 'Exchange 2019 in a CCR cluster, which went with 2007', plan: edit(dagOnTwoHosts('2019'), (d) => { for (const h of d.hosts) h.vms[0]!.exchange!.cluster = { kind: 'ccr', id: 'dag1' } }), subjects: ['ex01', 'ex02'], severity: 'error' },
      { name: 'Exchange 2010 in a single copy cluster', plan: pairOnTwoHosts('scc', '2010'), subjects: ['ex01', 'ex02'] },
      { name: 'Exchange 2007 in a DAG, which came with 2010', plan: pairOnTwoHosts('dag', '2007'), subjects: ['ex01', 'ex02'] },
      { name: 'Exchange 2003 in a CCR cluster', plan: edit(pairOnTwoHosts('ccr', '2007'), (d) => { for (const h of d.hosts) Object.assign(h.vms[0]!.exchange!, { version: '2003', update: 'sp2' }) }), subjects: ['ex01', 'ex02'] },
    ],
    silent: [
      { name: 'Exchange 2019 DAG members', plan: dagOnTwoHosts('2019') },
      { name: 'Exchange 2007 CCR nodes', plan: pairOnTwoHosts('ccr', '2007') },
      { name: 'Exchange 2007 in a single copy cluster', plan: pairOnTwoHosts('scc', '2007') },
      { name: 'Exchange 2010 servers in a Windows failover cluster', plan: pairOnTwoHosts('windows', '2010') },
    ],
  },
  {
    rule: 'exchange-cluster-members-match',
    fires: [
      { name: 'a DAG of an Exchange 2016 and an Exchange 2019 server: the 2016 member is reported', plan: edit(dagOnTwoHosts('2019'), (d) => { Object.assign(first(d).vm, { guestOs: 'ws2016', exchange: install('2016', 'dag1') }) }), subjects: ['ex01'], severity: 'error' },
      { name: 'a DAG of Exchange 2010 and 2013 members', plan: edit(dagOnTwoHosts('2013'), (d) => { Object.assign(d.hosts[1]!.vms[0]!, { guestOs: 'ws2008-r2', exchange: install('2010', 'dag1') }) }), subjects: ['ex02'] },
      { name: 'one cluster label as a CCR cluster on EX01 and as a single copy cluster on EX02: each is told', plan: edit(pairOnTwoHosts('ccr', '2007'), (d) => { d.hosts[1]!.vms[0]!.exchange!.cluster = { kind: 'scc', id: 'c1' } }), subjects: ['ex01', 'ex02'] },
    ],
    silent: [
      { name: 'an Exchange 2019 DAG of two members', plan: dagOnTwoHosts('2019') },
      { name: 'an Exchange 2016 server and an Exchange 2019 server in DAGs of their own', plan: edit(dagOnTwoHosts('2019'), (d) => { Object.assign(first(d).vm, { guestOs: 'ws2016', exchange: install('2016', 'dag2016') }) }) },
      { name: 'a DAG of an Exchange 2019 and an Exchange SE server (SE is 2019 CU15 upgraded in place)', plan: edit(dagOnTwoHosts('2019'), (d) => { Object.assign(d.hosts[1]!.vms[0]!, { guestOs: 'ws2022', exchange: install('se', 'dag1') }) }) },
      { name: 'a CCR pair of Exchange 2007 SP1 and SP2 (one version, two updates)', plan: edit(pairOnTwoHosts('ccr', '2007'), (d) => { d.hosts[1]!.vms[0]!.exchange!.update = 'sp2' }) },
    ],
  },
  {
    rule: 'guest-disk-protocol',
    fires: [
      { name: 'an iSCSI disk of the guest on a LUN of a Fibre Channel array', plan: guestAttached('iscsi-guest', 'fc'), subjects: ['ex01-logs'], severity: 'error' },
      { name: 'an iSCSI disk of the guest on a share of an SMB 3.0 file server', plan: guestAttached('iscsi-guest', 'smb3'), subjects: ['ex01-logs'] },
      { name: 'a virtual Fibre Channel disk on a LUN of an iSCSI array', plan: edit(guestAttached('fc-guest', 'iscsi'), (d) => { first(d).host.hypervisor = 'hyper-v-2012' }), subjects: ['ex01-logs'] },
    ],
    silent: [
      { name: 'an iSCSI disk of the guest on a LUN of an iSCSI array', plan: guestAttached('iscsi-guest', 'iscsi') },
      { name: 'a virtual Fibre Channel disk on a LUN of a Fibre Channel array', plan: edit(guestAttached('fc-guest', 'fc'), (d) => { first(d).host.hypervisor = 'hyper-v-2012' }) },
      { name: 'a pass-through disk from a host disk on an FC LUN', plan: lunOnTwoHosts([true, false]) },
    ],
  },
  {
    rule: 'lun-shared-by-unclustered-hosts',
    fires: [
      { name: 'LUN 0 online on two stand-alone Hyper-V hosts', plan: lunOnTwoHosts([true, true]), subjects: ['lun0'], severity: 'error' },
      { name: 'LUN 0 online on nodes of two host clusters', plan: lunOnTwoHosts([true, true], ['hc1', 'hc2']), subjects: ['lun0'] },
    ],
    silent: [
      { name: 'LUN 0 online on two nodes of one host cluster (a cluster disk or CSV)', plan: lunOnTwoHosts([true, true], ['hc1', 'hc1']) },
      {
        name: 'LUN 0 online on two bare-metal Exchange 2007 single copy cluster nodes (they own it by turns)',
        plan: edit(lunOnTwoHosts([true, true]), (d) => {
          for (const h of d.hosts) {
            Object.assign(h, { hypervisor: 'none', vms: [] })
            h.parent = { ...h.parent, roles: [], exchange: { version: '2007', update: 'sp1', roles: ['mailbox'], cluster: { kind: 'scc', id: 'scc1' } }, backup: { method: 'agent' } }
          }
        }),
      },
      { name: 'LUN 0 online on HV01 and offline on HV02', plan: lunOnTwoHosts([true, false]) },
      { name: 'a share of an SMB 3.0 file server that two stand-alone hosts keep VM files on (the file server owns its volume)', plan: edit(lunOnTwoHosts([true, true]), (d) => { d.storage[0]!.protocol = 'smb3' }) },
      { name: 'LUN 0 on two stand-alone ESX hosts (VMFS is a cluster file system)', plan: lunOnTwoHosts([true, true], [null, null], 'vmware-esx') },
    ],
  },
]
