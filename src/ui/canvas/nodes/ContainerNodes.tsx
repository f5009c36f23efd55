import { memo } from 'react'
import type { NodeProps } from '@xyflow/react'
import { EXCHANGE_VERSION_LABELS, GUEST_OS_LABELS, gb, thousands, HYPERVISOR_LABELS, PROTOCOL_LABELS, WINDOWS_ROLE_LABELS, lunWord, updateLabel, type ExchangeInstall } from '../../../core/index.ts'
import type { FlowNode } from '../flow.ts'
import { hasWindowsHostOs, hostOsTitle } from '../../host-os.ts'
import { Badge, outline } from './Badge.tsx'
import { useFar } from './detail.ts'

type Props<K extends FlowNode['data']['kind']> = NodeProps<FlowNode & { data: Extract<FlowNode['data'], { kind: K }> }>

const exchangeLine = (install: ExchangeInstall | null) =>
  install ? `${EXCHANGE_VERSION_LABELS[install.version].replace(' Server', '')} ${updateLabel(install.update)}${install.cluster ? ` · ${install.cluster.kind.toUpperCase()} ${install.cluster.id}` : ''}` : null

export const HostNode = memo(function HostNode({ id, data, selected }: Props<'host'>) {
  const { host, counts } = data
  const hw = host.hardware
  const cores = hw.sockets * hw.coresPerSocket
  const bare = host.hypervisor === 'none'
  const platform = bare ? 'Bare-metal server' : HYPERVISOR_LABELS[host.hypervisor]
  const className = `node host-node${bare ? ' bare' : ''}${outline(counts)}${selected ? ' selected' : ''}`
  if (useFar()) return <FarContainer className={className} id={host.id} kind="host" name={host.name} />
  return (
    <div className={className} data-entity-id={host.id} data-kind="host">
      <header className="node-head">
        <span className="node-icon" aria-hidden>{bare ? '▣' : '▤'}</span>
        <div className="node-title">
          <strong title={host.name}>{host.name}</strong>
          <span className="node-sub" title={platform}>{platform}</span>
        </div>
        {/* Hardware above, cluster below: on one line they would squeeze the hypervisor's name. */}
        <span className="node-facts stacked">
          <span title={`${hw.sockets} × ${hw.coresPerSocket} = ${cores} cores${hw.threadsPerCore === 2 ? ', Hyper-Threading on' : ''}, ${gb(hw.ramGB)} RAM`}>
            {hw.sockets}×{hw.coresPerSocket} cores{hw.threadsPerCore === 2 ? ' (HT)' : ''} · {gb(hw.ramGB)}
          </span>
          {host.cluster && <span title={`Host cluster ${host.cluster}`}>cluster {host.cluster}</span>}
        </span>
        <Badge counts={counts} nodeId={id} />
      </header>
      {host.disks.length === 0 && <div className="node-hint">Drop physical disks here</div>}
    </div>
  )
})

const EDITION: Record<string, string> = { standard: 'Standard', enterprise: 'Enterprise', datacenter: 'Datacenter', 'hyper-v-server': 'Hyper-V Server' }

export const ParentNode = memo(function ParentNode({ data, selected }: Props<'parent'>) {
  const { host } = data
  const title = hostOsTitle(host.hypervisor)
  const exchange = exchangeLine(host.parent.exchange)
  const { roles, applications } = host.parent
  const summary = !hasWindowsHostOs(host.hypervisor) ? `${HYPERVISOR_LABELS[host.hypervisor]} · no Windows host OS` : [
    EDITION[host.parent.edition],
    host.parent.installation === 'core' ? 'Server Core' : 'Full installation',
    roles.length > 0 ? `roles: ${roles.map((role) => WINDOWS_ROLE_LABELS[role]).join(', ')}` : '',
    applications.length > 0 ? `${applications.length} app${applications.length === 1 ? '' : 's'}` : '',
  ].filter(Boolean).join(' · ')
  const className = `node parent-node${exchange ? '' : ' no-roles'}${selected ? ' selected' : ''}`
  if (useFar()) return <div className={`${className} far`} data-entity-id={host.id} data-kind="parent-partition" />
  return (
    <div className={className} data-entity-id={host.id} data-kind="parent-partition">
      <div className="parent-line">
        <strong>{title}</strong>
        <span className="node-sub" title={summary}>{summary}</span>
        {exchange && <span className="node-tag" title={exchange}>{exchange}</span>}
      </div>
    </div>
  )
})

export const VmNode = memo(function VmNode({ id, data, selected }: Props<'vm'>) {
  const { vm, counts } = data
  const exchange = exchangeLine(vm.exchange)
  const windows = vm.roles.length === 0 ? null : vm.roles.map((role) => WINDOWS_ROLE_LABELS[role]).join(', ')
  // Under the memory figure, "dynamic" alone says what it is when snapshots share the line.
  const snapshots = vm.snapshots > 0 ? `${vm.snapshots} snapshot${vm.snapshots === 1 ? '' : 's'}` : ''
  const more = vm.dynamicMemory ? (snapshots ? `dynamic · ${snapshots}` : 'dynamic memory') : snapshots
  const moreTitle = [vm.dynamicMemory ? 'Dynamic memory' : '', snapshots].filter(Boolean).join(', ')
  const className = `node vm-node${outline(counts)}${selected ? ' selected' : ''}`
  if (useFar()) return <FarContainer className={className} id={vm.id} kind="vm" name={vm.name} />
  return (
    <div className={className} data-entity-id={vm.id} data-kind="vm">
      <header className="node-head">
        <span className="node-icon vm" aria-hidden>◧</span>
        <div className="node-title">
          <strong title={vm.name}>{vm.name}</strong>
          <span className="node-sub" title={GUEST_OS_LABELS[vm.guestOs]}>{GUEST_OS_LABELS[vm.guestOs]}</span>
        </div>
        {/* Dynamic memory and snapshots on a line of their own: on one line with the rest they cut the guest OS to "Windows Ser…" and themselves to "(dynam…". */}
        <span className="node-facts stacked">
          <span title={`${thousands(vm.vcpus)} virtual processor${vm.vcpus === 1 ? '' : 's'}, ${gb(vm.ramGB)} of memory`}>{thousands(vm.vcpus)} vCPU · {gb(vm.ramGB)}</span>
          {more && <span title={moreTitle}>{more}</span>}
        </span>
        <Badge counts={counts} nodeId={id} />
      </header>
      <div className="vm-exchange" title={[exchange, windows].filter(Boolean).join(' · ') || undefined}>
        {exchange ?? (windows === null ? <span className="muted">No Exchange roles</span> : null)}
        {/* A domain controller or other Windows server shows its roles: placement rules count them. */}
        {windows !== null && <span className="vm-windows-roles">{exchange ? ` · ${windows}` : windows}</span>}
      </div>
      {vm.disks.length === 0 && <div className="node-hint">Drop disks and roles here</div>}
    </div>
  )
})

export const ArrayNode = memo(function ArrayNode({ id, data, selected }: Props<'array'>) {
  const { array, counts } = data
  const className = `node array-node${outline(counts)}${selected ? ' selected' : ''}`
  if (useFar()) return <FarContainer className={className} id={array.id} kind="storage-array" name={array.name} />
  return (
    <div className={className} data-entity-id={array.id} data-kind="storage-array">
      <header className="node-head">
        <span className="node-icon array" aria-hidden>⛁</span>
        <div className="node-title">
          <strong title={array.name}>{array.name}</strong>
          <span className="node-sub">{PROTOCOL_LABELS[array.protocol]} storage · {array.luns.length} {lunWord(array.protocol)}{array.luns.length === 1 ? '' : 's'}</span>
        </div>
        <Badge counts={counts} nodeId={id} />
      </header>
      {array.luns.length === 0 && <div className="node-hint">Drop LUNs here</div>}
    </div>
  )
})

/** A container zoomed far out (detail.ts): its outline and its name, nothing that could not be read. */
function FarContainer({ className, id, kind, name }: { className: string; id: string; kind: string; name: string }) {
  return (
    <div className={`${className} far`} data-entity-id={id} data-kind={kind}>
      <header className="node-head"><strong>{name}</strong></header>
    </div>
  )
}
