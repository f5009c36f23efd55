/**
 * The Exchange install of a server (a VM, or a host's own OS): version, update, roles and
 * cluster membership, or a "No Exchange" state with a button that installs it. The install is
 * set as one object, so each change is one undoable step the core checks whole.
 */
import type { ReactNode } from 'react'
import {
  EXCHANGE_CLUSTER_KIND_LABELS, EXCHANGE_ROLE_LABELS, EXCHANGE_VERSION_LABELS, placeItem,
  type ExchangeInstall, type ExchangeVersion,
} from '../../../core/index.ts'
import { useEditor } from '../../../store/editor-store.ts'
import { choicesOf, clusterMismatch, clusterNotInVersion, NONE, rolesNotInVersion, updateChoices, versionChangeLoss, withVersion } from './choices.ts'
import { CheckSet, SelectField } from './choice-fields.tsx'
import { applyEdits, required, Section, TextField, useRefusal, type Setter } from './fields.tsx'

type ClusterKind = NonNullable<ExchangeInstall['cluster']>['kind']

interface ExchangeEditorProps {
  install: ExchangeInstall | null
  /** The server as a palette drop target: a VM id, or 'parent:<host id>' for a host's own OS. */
  server: string
  /** Sets a field of the server; `field` is where its install lives ('exchange' or 'parent.exchange'). */
  set: Setter
  field: string
  title?: string
  /** Extra controls in the section head (the role inspector's "Remove role"). */
  action?: ReactNode
}

const VERSION_CHOICES = choicesOf(EXCHANGE_VERSION_LABELS)
const ROLE_CHOICES = choicesOf(EXCHANGE_ROLE_LABELS)
const CLUSTER_CHOICES = [{ value: NONE, label: 'None' }, ...choicesOf(EXCHANGE_CLUSTER_KIND_LABELS)]
/** The name a new cluster starts with; members share it, so the architect renames it to match. */
const FIRST_CLUSTER_NAME: Record<ClusterKind, string> = { ccr: 'CCR1', scc: 'SCC1', dag: 'DAG1', windows: 'CLUSTER1' }

export function ExchangeEditor({ install, server, set, field, title = 'Exchange', action }: ExchangeEditorProps) {
  const plan = useEditor((s) => s.plan)
  if (!install) return <Section title={title} action={action}><NoExchange server={server} /></Section>
  const change = (next: ExchangeInstall) => set(field, next)
  const cluster = install.cluster
  const mismatch = clusterMismatch(plan, server, install)
  const setCluster = (kind: string) =>
    change({ ...install, cluster: kind === NONE ? null : { kind: kind as ClusterKind, id: cluster?.id ?? FIRST_CLUSTER_NAME[kind as ClusterKind] } })
  return (
    <Section title={title} action={action}>
      <SelectField label="Version" value={install.version} choices={VERSION_CHOICES}
        onCommit={(version) => {
          const refused = change(withVersion(install, version as ExchangeVersion))
          const lost = refused === null ? versionChangeLoss(install, version as ExchangeVersion) : null
          if (lost) useEditor.getState().notify(lost, undefined, 'info')
          return refused
        }} />
      <SelectField label="Update" value={install.update} choices={updateChoices(install.version, install.update)}
        onCommit={(update) => change({ ...install, update })} />
      <CheckSet label="Exchange roles" values={install.roles} choices={ROLE_CHOICES}
        onCommit={(roles) => (roles.length === 0
          ? 'It must keep at least one Exchange role: tick another one first, or remove Exchange below'
          : change({ ...install, roles: roles as ExchangeInstall['roles'] }))} />
      {rolesNotInVersion(install) ? <p className="insp-note">{rolesNotInVersion(install)}</p> : null}
      <SelectField label="Cluster kind" value={cluster?.kind ?? NONE} choices={CLUSTER_CHOICES} onCommit={setCluster} />
      {clusterNotInVersion(install) ? <p className="insp-note">{clusterNotInVersion(install)}</p> : null}
      {cluster ? (
        <TextField label="Cluster ID" value={cluster.id} check={required('Enter the name the cluster members share')}
          onCommit={(id) => change({ ...install, cluster: { kind: cluster.kind, id } })} />
      ) : null}
      {mismatch ? <p className="insp-note">{mismatch}</p> : null}
      <div className="insp-actions">
        <button type="button" className="btn danger" onClick={() => set(field, null)}>Remove Exchange</button>
      </div>
    </Section>
  )
}

/**
 * Installing Exchange is what dropping the Mailbox role on the server does, so both pick the same
 * version and update (the one most servers of the plan already run).
 */
function NoExchange({ server }: { server: string }) {
  const [error, setError] = useRefusal()
  const installExchange = () => {
    const placed = placeItem(useEditor.getState().plan, 'mailbox', { kind: 'entity', id: server })
    setError(placed.ok ? applyEdits(placed.edit) : placed.reason)
  }
  return (
    <>
      <div className="insp-empty-state">
        <span>No Exchange</span>
        <button type="button" className="btn" onClick={installExchange}>Install Exchange</button>
      </div>
      {error ? <p className="insp-error" role="alert">{error}</p> : null}
    </>
  )
}
