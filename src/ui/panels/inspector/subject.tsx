/**
 * What the inspector shows for the selection: a heading (kind and name), the id whose findings
 * are counted, and the editor for the entity. A selection whose entity is gone shows the plan.
 */
import type { ReactNode } from 'react'
import { DISK_KIND_LABELS, EXCHANGE_ROLE_LABELS, locate, lunLabel, type Plan } from '../../../core/index.ts'
import type { Selection } from '../../../store/editor-store.ts'
import { hostOsTitle } from '../../host-os.ts'
import { PhysicalDiskInspector, VirtualDiskInspector } from './DiskInspectors.tsx'
import { HostInspector } from './HostInspector.tsx'
import { ParentInspector } from './ParentInspector.tsx'
import { PlanInspector } from './PlanInspector.tsx'
import { RoleInspector } from './RoleInspector.tsx'
import { LunInspector, StorageArrayInspector } from './StorageInspectors.tsx'
import { VmInspector } from './VmInspector.tsx'

export interface Subject {
  kind: string
  name: string
  /** The finding subject to count; null for the plan (all findings are counted). */
  findingsOf: string | null
  body: ReactNode
}

export function subjectOf(plan: Plan, selection: Selection | null): Subject {
  const at = selection ? locate(plan, selection.id) : null
  if (selection && at) {
    switch (at.kind) {
      case 'host': {
        const bare = at.host.hypervisor === 'none'
        if (selection.kind === 'parent-partition') {
          return { kind: bare ? 'Server OS' : hostOsTitle(at.host.hypervisor), name: at.host.name, findingsOf: at.host.id, body: <ParentInspector host={at.host} /> }
        }
        if (selection.kind === 'exchange-role') return roleSubject(selection, at.host.name, at.host.id, <RoleInspector role={selection.role} host={at.host} vm={null} />)
        return { kind: bare ? 'Bare-metal server' : 'Host', name: at.host.name, findingsOf: at.host.id, body: <HostInspector host={at.host} plan={plan} /> }
      }
      case 'vm':
        if (selection.kind === 'exchange-role') return roleSubject(selection, at.vm.name, at.vm.id, <RoleInspector role={selection.role} host={at.host} vm={at.vm} />)
        return { kind: 'Virtual machine', name: at.vm.name, findingsOf: at.vm.id, body: <VmInspector vm={at.vm} host={at.host} plan={plan} /> }
      case 'physical-disk':
        return { kind: `Physical disk of ${at.host.name}`, name: at.disk.name, findingsOf: at.disk.id, body: <PhysicalDiskInspector disk={at.disk} host={at.host} plan={plan} /> }
      case 'virtual-disk':
        return {
          kind: `${DISK_KIND_LABELS[at.disk.kind]} of ${at.vm.name}`, name: at.disk.name, findingsOf: at.disk.id,
          body: <VirtualDiskInspector disk={at.disk} host={at.host} plan={plan} />,
        }
      case 'storage-array':
        return { kind: 'Storage array', name: at.array.name, findingsOf: at.array.id, body: <StorageArrayInspector array={at.array} /> }
      case 'lun':
        return { kind: `${lunLabel(at.array.protocol)} of ${at.array.name}`, name: at.lun.name, findingsOf: at.lun.id, body: <LunInspector lun={at.lun} plan={plan} /> }
    }
  }
  return { kind: 'Plan', name: plan.name, findingsOf: null, body: <PlanInspector plan={plan} /> }
}

function roleSubject(selection: Selection, serverName: string, serverId: string, body: ReactNode): Subject {
  const name = selection.role ? `${EXCHANGE_ROLE_LABELS[selection.role]} on ${serverName}` : serverName
  return { kind: 'Exchange role', name, findingsOf: serverId, body }
}
