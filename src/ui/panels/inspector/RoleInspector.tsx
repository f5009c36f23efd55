/**
 * An Exchange role chip. The plan has no role entity: the chip stands for one role of a server's
 * Exchange install (a VM's, or a host's own OS), so the inspector edits that install.
 */
import { EXCHANGE_ROLE_LABELS, type ExchangeRole, type Host, type Vm } from '../../../core/index.ts'
import { useEditor } from '../../../store/editor-store.ts'
import { ExchangeEditor } from './ExchangeEditor.tsx'
import { firstMessage, setterFor, useRefusal } from './fields.tsx'

interface RoleInspectorProps { role: ExchangeRole | undefined; host: Host; vm: Vm | null }

export function RoleInspector({ role, host, vm }: RoleInspectorProps) {
  const [error, setError] = useRefusal()
  const install = vm ? vm.exchange : host.parent.exchange
  const server = vm ?? host
  const holds = role !== undefined && (install?.roles.includes(role) ?? false)
  // After the role goes, the server stays selected: the chip itself no longer exists.
  const removeRole = () => {
    if (role === undefined) return
    const refused = firstMessage(useEditor.getState().apply({ op: 'remove-role', server: server.id, role }, {
      select: vm ? { id: vm.id, kind: 'vm' } : { id: host.id, kind: 'parent-partition' },
    }))
    setError(refused)
    if (refused) return
    useEditor.getState().announce(`Removed the ${EXCHANGE_ROLE_LABELS[role]} role from ${server.name}`)
    // The button goes with the role; the focus stays in the Inspector, now showing the server.
    requestAnimationFrame(() => document.querySelector<HTMLElement>('.inspector')?.focus())
  }
  return (
    <>
      {role !== undefined && !holds ? (
        <p className="insp-note">{server.name} no longer has the {EXCHANGE_ROLE_LABELS[role]} role.</p>
      ) : null}
      <ExchangeEditor
        install={install} server={vm ? vm.id : `parent:${host.id}`} set={setterFor(server.id)} field={vm ? 'exchange' : 'parent.exchange'}
        title={`Exchange on ${server.name}`}
        action={holds ? <button type="button" className="btn danger" onClick={removeRole}>Remove role</button> : undefined}
      />
      {error ? <p className="insp-error" role="alert">{error}</p> : null}
    </>
  )
}
