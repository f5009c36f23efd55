/** Figures the Inspector derives from the plan (what a host gives its VMs, what uses a disk): read, not edited. */
export interface Fact { label: string; value: string; detail: string | null; over: boolean }

export function Facts({ facts }: { facts: readonly Fact[] }) {
  return (
    <dl className="insp-facts">
      {facts.map((fact) => (
        <div className="insp-row" key={fact.label}>
          <dt className="insp-label">{fact.label}</dt>
          <dd className={fact.over ? 'insp-fact over' : 'insp-fact'}>{fact.value}{fact.detail ? <> <span>{fact.detail}</span></> : null}</dd>
        </div>
      ))}
    </dl>
  )
}
