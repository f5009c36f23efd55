import type { ExchangeRole } from '../model/enums.ts'
import type { Plan } from '../model/plan.ts'
import type { RuleCases } from '../testing/rule-cases.ts'
import { edit, first, soundPlan, virtualDisk } from '../testing/plan-builder.ts'
import { bareMetal, change, install, soundFor } from './exchange-modern.cases.ts'

type Modern = Parameters<typeof soundFor>[0]
const roles = (version: Modern, list: ExchangeRole[]): Plan => change(soundFor(version), ({ vm: ex01 }) => { ex01.exchange!.roles = list })
const roles2007 = (list: ExchangeRole[]): Plan => change(soundPlan(), ({ vm: ex01 }) => { ex01.exchange!.roles = list })

export const cases: RuleCases[] = [
  {
    rule: 'exchange-role-not-in-version',
    fires: [
      { name: 'an Exchange 2013 Hub Transport server', plan: roles('2013', ['hub-transport']), subjects: ['ex01'], severity: 'error' },
      { name: 'an Exchange 2016 Client Access server', plan: roles('2016', ['client-access']), subjects: ['ex01'], severity: 'error' },
      { name: 'an Exchange 2016 Unified Messaging server', plan: roles('2016', ['unified-messaging']), subjects: ['ex01'], severity: 'error' },
      { name: 'an Exchange 2019 Client Access and Hub Transport server (one finding for both roles)', plan: roles('2019', ['client-access', 'hub-transport']), subjects: ['ex01'], severity: 'error' },
      { name: 'an Exchange 2016 Mailbox server listing Client Access and Hub Transport (one info)', plan: roles('2016', ['mailbox', 'client-access', 'hub-transport']), subjects: ['ex01'], severity: 'info' },
      { name: 'Exchange 2016 Mailbox listing Client Access as well (info: folded into Mailbox)', plan: roles('2016', ['mailbox', 'client-access']), subjects: ['ex01'], severity: 'info' },
      { name: 'Exchange 2013 Client Access listing Hub Transport (info: Front End Transport)', plan: roles('2013', ['client-access', 'hub-transport']), subjects: ['ex01'], severity: 'info' },
      { name: 'a bare-metal Exchange SE server with Hub Transport', plan: bareMetal({ ...install('se'), roles: ['hub-transport'] }), subjects: ['bm01'], severity: 'error' },
    ],
    silent: [
      { name: 'an Exchange 2013 Client Access server', plan: roles('2013', ['client-access']) },
      { name: 'an Exchange 2013 Mailbox and Client Access server', plan: roles('2013', ['mailbox', 'client-access']) },
      { name: 'an Exchange 2016 Mailbox server', plan: roles('2016', ['mailbox']) },
      { name: 'an Exchange 2019 Edge Transport server', plan: roles('2019', ['edge-transport']) },
      { name: 'an Exchange 2007 Client Access and Hub Transport server', plan: roles2007(['client-access', 'hub-transport']) },
      { name: 'an Exchange 2010 Hub Transport and Unified Messaging server', plan: roles('2010', ['hub-transport', 'unified-messaging']) },
      // Left to e19-no-um-role.
      { name: 'an Exchange 2019 server with Unified Messaging', plan: roles('2019', ['mailbox', 'unified-messaging']) },
    ],
  },
  {
    rule: 'edge-transport-alone',
    fires: [
      { name: 'Exchange 2007 Edge Transport with Hub Transport', plan: roles2007(['hub-transport', 'edge-transport']), subjects: ['ex01'], severity: 'error' },
      { name: 'Exchange 2019 Mailbox and Edge Transport', plan: roles('2019', ['mailbox', 'edge-transport']), subjects: ['ex01'] },
      { name: 'a bare-metal Exchange 2010 server with Edge Transport and Client Access', plan: bareMetal({ ...install('2010'), roles: ['client-access', 'edge-transport'] }), subjects: ['bm01'] },
    ],
    silent: [
      { name: 'an Exchange 2007 Edge Transport server alone', plan: roles2007(['edge-transport']) },
      { name: 'an Exchange 2007 Mailbox, Client Access and Hub Transport server', plan: roles2007(['mailbox', 'client-access', 'hub-transport']) },
      { name: 'an Exchange 2016 Edge Transport server beside a Mailbox server on the same host', plan: edit(roles('2016', ['mailbox']), (d) => {
        const ex01 = first(d).vm
        first(d).host.vms.push({ ...structuredClone(ex01), id: 'edge01', name: 'EDGE01', disks: [], exchange: { ...install('2016'), roles: ['edge-transport'] } })
      }) },
    ],
  },
  {
    rule: 'exchange-update-unknown',
    fires: [
      { name: 'Exchange 2007 CU3 (2007 had service packs only)', plan: change(soundPlan(), ({ vm: ex01 }) => { ex01.exchange!.update = 'cu3' }), subjects: ['ex01'], severity: 'warning' },
      { name: 'Exchange 2016 SP1 (2016 had cumulative updates only)', plan: change(soundFor('2016'), ({ vm: ex01 }) => { ex01.exchange!.update = 'sp1' }), subjects: ['ex01'] },
      { name: 'Exchange 2019 CU16 (it ended at CU15)', plan: change(soundFor('2019'), ({ vm: ex01 }) => { ex01.exchange!.update = 'cu16' }), subjects: ['ex01'] },
      { name: 'a bare-metal Exchange 2010 server at CU1', plan: bareMetal({ ...install('2010'), update: 'cu1' }), subjects: ['bm01'] },
    ],
    silent: [
      { name: 'Exchange 2007 SP3', plan: change(soundPlan(), ({ vm: ex01 }) => { ex01.exchange!.update = 'sp3' }) },
      { name: 'Exchange 2013 SP1, which was its CU4', plan: change(soundFor('2013'), ({ vm: ex01 }) => { ex01.exchange!.update = 'sp1' }) },
      { name: 'Exchange 2016 CU23, its last', plan: change(soundFor('2016'), ({ vm: ex01 }) => { ex01.exchange!.update = 'cu23' }) },
      { name: 'Exchange SE CU5 (still being updated)', plan: change(soundFor('se'), ({ vm: ex01 }) => { ex01.exchange!.update = 'cu5' }) },
      { name: 'Exchange 2010 RTM', plan: change(soundFor('2010'), ({ vm: ex01 }) => { ex01.exchange!.update = 'rtm' }) },
    ],
  },
  {
    rule: 'virtual-disk-not-connected',
    fires: [
      { name: 'a boot VHD on no host disk', plan: edit(soundPlan(), (d) => { first(d).vm.disks[0]!.backing = null }), subjects: ['ex01-boot'], severity: 'info' },
      { name: 'an iSCSI disk attached to no LUN, and a pass-through disk given no host disk', plan: edit(soundPlan(), (d) => {
        first(d).vm.disks.push(
          virtualDisk({ id: 'ex01-iscsi', name: 'Archive', kind: 'iscsi-guest', controller: null, backing: null, contents: ['other'] }),
          virtualDisk({ id: 'ex01-pt', name: 'Data 2', kind: 'pass-through', controller: 'scsi0', backing: null, contents: ['other'] }),
        )
      }), subjects: ['ex01-iscsi', 'ex01-pt'] },
      { name: 'a disk of a VM without Exchange', plan: edit(soundPlan(), (d) => {
        const ex01 = first(d).vm
        first(d).host.vms.push({ ...structuredClone(ex01), id: 'dc01', name: 'DC01', exchange: null, disks: [virtualDisk({ id: 'dc01-boot', name: 'Boot', controller: 'ide0', backing: null })] })
      }), subjects: ['dc01-boot'] },
    ],
    silent: [
      { name: 'every disk connected', plan: soundPlan() },
      { name: 'a VM with no disks at all', plan: edit(soundPlan(), (d) => { first(d).vm.disks = [] }) },
    ],
  },
]
