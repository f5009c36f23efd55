import { memo } from 'react'
import { Handle, Position, type NodeProps } from '@xyflow/react'
import { EXCHANGE_ROLE_LABELS, EXCHANGE_VERSION_LABELS } from '../../../core/index.ts'
import { size } from './size.ts'
import type { FlowNode } from '../flow.ts'
import { Badge, outline } from './Badge.tsx'
import { NOT_CONNECTED, physicalDiskDetails, virtualDiskLines } from './disk-lines.ts'
import { useFar } from './detail.ts'

type Props<K extends FlowNode['data']['kind']> = NodeProps<FlowNode & { data: Extract<FlowNode['data'], { kind: K }> }>

// Nodes are as wide as their lines (disk-lines.ts) up to a limit; past it a name or detail line is
// cut with an ellipsis, and each carries its full text as a tooltip.

export const VirtualDiskNode = memo(function VirtualDiskNode({ id, data, selected }: Props<'vdisk'>) {
  const { disk, counts } = data
  const far = useFar()
  const className = `node disk-node vdisk kind-${disk.kind}${disk.backing ? '' : ' not-connected'}${outline(counts)}${selected ? ' selected' : ''}`
  if (far) {
    return (
      <div className={`${className} far`} data-entity-id={disk.id} data-kind="virtual-disk">
        <span className="disk-glyph" aria-hidden />
        <Handle type="source" id="out" position={Position.Bottom} className="handle" />
      </div>
    )
  }
  const { kind, details } = virtualDiskLines(disk)
  return (
    <div className={className} data-entity-id={disk.id} data-kind="virtual-disk">
      <span className="disk-glyph" aria-hidden />
      <div className="disk-text">
        <strong title={disk.name}>{disk.name}</strong>
        <span className="disk-kind" title={kind}>{kind}</span>
        <span className="node-sub" title={`${disk.backing ? '' : 'Not connected to a host disk or LUN · '}${details}`}>
          {!disk.backing && <span className="unconnected">{NOT_CONNECTED}</span>}
          {details}
        </span>
      </div>
      <Badge counts={counts} nodeId={id} />
      <Handle type="source" id="out" position={Position.Bottom} className="handle" />
    </div>
  )
})

export const PhysicalDiskNode = memo(function PhysicalDiskNode({ id, data, selected }: Props<'pdisk'>) {
  const { disk, counts, share, use } = data
  const far = useFar()
  const className = `node disk-node pdisk${disk.online ? ' online' : ' offline'}${outline(counts)}${selected ? ' selected' : ''}`
  if (far) {
    return (
      <div className={`${className} far`} data-entity-id={disk.id} data-kind="physical-disk">
        <Handle type="target" id="in" position={Position.Top} className="handle" />
        <span className="disk-glyph" aria-hidden />
        <Handle type="source" id="out" position={Position.Bottom} className="handle" />
      </div>
    )
  }
  const details = physicalDiskDetails(disk, share, use)
  return (
    <div className={className} data-entity-id={disk.id} data-kind="physical-disk">
      <Handle type="target" id="in" position={Position.Top} className="handle" />
      <span className="disk-glyph" aria-hidden />
      <div className="disk-text">
        <strong title={disk.name}>{disk.name}</strong>
        <span className="node-sub" title={details}>{details}</span>
        <span className={disk.online ? 'pill on' : 'pill off'}>{disk.online ? 'online' : 'offline'}</span>
      </div>
      <Badge counts={counts} nodeId={id} />
      <Handle type="source" id="out" position={Position.Bottom} className="handle" />
    </div>
  )
})

export const RoleNode = memo(function RoleNode({ data, selected }: Props<'role'>) {
  const far = useFar()
  return (
    <div className={`node role-node role-${data.role}${data.lackedBy ? ' lacked' : ''}${selected ? ' selected' : ''}${far ? ' far' : ''}`} data-entity-id={data.serverId} data-kind="exchange-role" data-role={data.role}
      title={data.lackedBy ? `${EXCHANGE_VERSION_LABELS[data.lackedBy]} has no ${EXCHANGE_ROLE_LABELS[data.role]} role` : undefined}>
      {far ? null : EXCHANGE_ROLE_LABELS[data.role]}
    </div>
  )
})

export const LunNode = memo(function LunNode({ id, data, selected }: Props<'lun'>) {
  const { lun, counts } = data
  const far = useFar()
  return (
    <div className={`node disk-node lun-node${outline(counts)}${selected ? ' selected' : ''}${far ? ' far' : ''}`} data-entity-id={lun.id} data-kind="lun">
      <Handle type="target" id="in" position={Position.Top} className="handle" />
      <span className="disk-glyph" aria-hidden />
      {!far && (
        <>
          <div className="disk-text">
            <strong title={lun.name}>{lun.name}</strong>
            <span className="node-sub">{size(lun.sizeGB)}</span>
          </div>
          <Badge counts={counts} nodeId={id} />
        </>
      )}
    </div>
  )
})
