/**
 * The Exchange roles a server can hold, by version. Exchange 2013 has no Hub Transport role (its
 * transport runs in the Mailbox and Client Access roles) and runs Unified Messaging as services of
 * those two; Exchange 2016 folds Client Access and Unified Messaging into Mailbox; 2019 and SE have
 * Mailbox and Edge Transport only (their missing UM is e19-no-um-role). In every version Edge
 * Transport is a server of its own. vexplan additions, derived from the roles the catalogue's
 * sections C.3 and C.4 list for each version.
 */
import { VERSION_ROLES, type ExchangeRole, type ExchangeVersion } from '../model/enums.ts'
import { exchangeUpdates } from '../model/exchange-updates.ts'
import { EXCHANGE_VERSION_LABELS, updateLabel } from '../model/labels.ts'
import type { Edit } from '../edit/edits.ts'
import type { ExchangeServerRef } from '../validate/plan-index.ts'
import { hostOf } from './exchange-modern.ts'
import { rolesWords } from './exchange-sizing.ts'
import { quickFix } from './quick-fix.ts'
import { joinAnd, roleLabels } from './platform-wording.ts'
import { defineRule, GENERIC_SECTION, type Explanation, type Rule } from './types.ts'

const E2013_ARCH = 'Exchange 2013 architecture and system requirements (E2013-REQ): the Mailbox, Client Access and Edge Transport roles'
const E16_ARCH = 'Exchange Server 2016 and 2019 architecture and system requirements (E16-REQ): the Mailbox and Edge Transport roles'

/** The versions from 2013, whose roles are fewer than all five (VERSION_ROLES; 2003's are back-end and front-end servers). */
const FOLDED_VERSIONS: readonly ExchangeVersion[] = ['2013', '2016', '2019', 'se']
/** Roles a version dropped outright, whose work no role does: Unified Messaging in 2019 and SE (e19-no-um-role). */
const GONE: Partial<Record<ExchangeVersion, readonly ExchangeRole[]>> = { '2019': ['unified-messaging'], se: ['unified-messaging'] }

/**
 * The roles whose services now do the work of `role` in `version`: the version's roles but Edge
 * Transport, where the version has no `role` (null where it has it, or dropped it outright).
 */
function foldedInto(version: ExchangeVersion, role: ExchangeRole): readonly ExchangeRole[] | null {
  const roles = VERSION_ROLES[version]!
  if (roles.includes(role) || GONE[version]?.includes(role)) return null
  return roles.filter((other) => other !== 'edge-transport')
}

/** The roles a version has, and where the work of the roles it dropped is done, for messages. */
const ROLES_OF: Partial<Record<ExchangeVersion, string>> = {
  '2013': 'it has the Mailbox, Client Access and Edge Transport roles, and runs transport and Unified Messaging as services of Mailbox and Client Access',
  '2016': 'it has the Mailbox and Edge Transport roles, and runs client access, transport and Unified Messaging as services of Mailbox',
  '2019': 'it has the Mailbox and Edge Transport roles, and runs client access and transport as services of Mailbox',
  se: 'it has the Mailbox and Edge Transport roles, and runs client access and transport as services of Mailbox',
}
/** What to give a server instead, per version. */
const INSTEAD: Partial<Record<ExchangeVersion, string>> = {
  '2013': 'the Mailbox or Client Access role',
  '2016': 'the Mailbox role (or make it an Edge Transport server of its own)',
  '2019': 'the Mailbox role (or make it an Edge Transport server of its own)',
  se: 'the Mailbox role (or make it an Edge Transport server of its own)',
}

export const exchangeRoleNotInVersion = defineRule({
  id: 'exchange-role-not-in-version',
  severity: 'error',
  severities: ['error', 'info'],
  title: 'A server can hold only the roles its Exchange version has (no Hub Transport from 2013, no Client Access from 2016)',
  section: GENERIC_SECTION,
  aboutRoles: true,
  source: `${E2013_ARCH}; ${E16_ARCH}`,
  // Each fix removes roles of its own server only.
  fixAll: true,
  perHost: true,
  check({ index, report, fixes }) {
    for (const server of index.exchangeServersOf(FOLDED_VERSIONS)) {
      const { exchange } = server
      // Roles whose work a role the server holds does already (only listed twice), and roles with nothing to do their work.
      const listed: ExchangeRole[] = []
      const missing: ExchangeRole[] = []
      for (const role of exchange.roles) {
        const into = foldedInto(exchange.version, role)
        if (into) (into.some((other) => exchange.roles.includes(other)) ? listed : missing).push(role)
      }
      if (listed.length === 0 && missing.length === 0) continue
      if (missing.length > 0) {
        // Which role to give it instead is the architect's choice: Mailbox brings its own memory and storage needs.
        report(server.id, { server, roles: missing }, explainMissingRoles)
        continue
      }
      report(server.id, { server, roles: listed }, explainListedRoles, 'info', fixes ? quickFix(`Remove ${roleLabels(listed)}`, ...listed.map((role): Edit => ({ op: 'remove-role', server: server.id, role }))) : undefined)
    }
  },
})

/** A server and the roles of its list that its version does not have. */
interface RolesOfServer { server: ExchangeServerRef; roles: ExchangeRole[] }

function explainMissingRoles({ server, roles: missing }: RolesOfServer): Explanation {
  const { exchange } = server
  return {
    related: hostOf(server),
    message: `${server.name} runs ${EXCHANGE_VERSION_LABELS[exchange.version]} with ${rolesWords(missing)}, which that version does not have: ${ROLES_OF[exchange.version]}.`,
    fix: `Give ${server.name} ${INSTEAD[exchange.version]} instead of ${roleLabels(missing)}.`,
  }
}

function explainListedRoles({ server, roles: listed }: RolesOfServer): Explanation {
  const { exchange } = server
  const version = EXCHANGE_VERSION_LABELS[exchange.version]
  const holders = [...new Set(listed.flatMap((role) => foldedInto(exchange.version, role)!.filter((other) => exchange.roles.includes(other))))]
  return {
    related: hostOf(server),
    message: `${server.name} lists ${roleLabels(listed)}, ${listed.length === 1 ? 'a role' : 'roles'} ${version} does not have: ${listed.length === 1 ? 'its' : 'their'} work is done by ${rolesWords(holders)} it already holds.`,
    fix: `Remove ${roleLabels(listed)} from ${server.name}'s roles; nothing else changes.`,
  }
}

/** Versions with an Edge Transport role: every one from 2007. */
const EDGE_VERSIONS: readonly ExchangeVersion[] = ['2007', '2010', '2013', '2016', '2019', 'se']

export const edgeTransportAlone = defineRule({
  id: 'edge-transport-alone',
  severity: 'error',
  title: 'Edge Transport runs on a server of its own, with no other Exchange role',
  section: GENERIC_SECTION,
  aboutRoles: true,
  source: 'Exchange 2007, 2010, 2013, 2016 and 2019 Edge Transport servers: installed alone, in the perimeter network, outside the Active Directory forest (Setup refuses it beside another role)',
  perHost: true,
  check({ index, report }) {
    // Every server, its version checked last: exchangeServersOf(EDGE_VERSIONS) copied nearly all of
    // them into a list of its own (0.12 MB at 10,000 VMs) for a role few servers hold.
    for (const server of index.exchangeServers) {
      const { roles, version } = server.exchange
      if (roles.includes('edge-transport') && roles.length > 1 && EDGE_VERSIONS.includes(version)) report(server.id, server, explainEdgeNotAlone)
    }
  },
})

function explainEdgeNotAlone(server: ExchangeServerRef): Explanation {
  const others = roleLabels(server.exchange.roles.filter((role) => role !== 'edge-transport'))
  return {
    related: hostOf(server),
    message: `${server.name} holds Edge Transport with ${others}; Exchange Setup installs Edge Transport only on a server of its own, in the perimeter network and outside the Active Directory forest.`,
    // Where the other roles belong is other rules' to say (a virtual 2007 Unified Messaging server does not belong on a VM at all).
    fix: `Put Edge Transport on a server of its own in the perimeter network, apart from ${server.name}'s other roles; or remove Edge Transport from ${server.name}.`,
  }
}

/**
 * Whether a version ever had this update. Exchange 2013 SP1 was its CU4 and is recorded either way;
 * Subscription Edition is still being updated, so a later CU than vexplan lists may be real.
 */
function updateExists(version: ExchangeVersion, update: string): boolean {
  if (exchangeUpdates(version).includes(update)) return true
  if (version === '2013' && update === 'sp1') return true
  return version === 'se' && update.startsWith('cu')
}

/**
 * A vexplan addition: an install recorded with an update its version never had (Exchange 2007 CU3,
 * Exchange 2016 SP1). The plan format allows any of RTM, SP1–SP3 and CU1–CU99; the rules that weigh
 * an update (e2007-min-sp1, e2010-sp1-*, exchange-update-for-guest-os) then judge a release that does not exist.
 */
export const exchangeUpdateUnknown = defineRule({
  id: 'exchange-update-unknown',
  severity: 'warning',
  title: 'An Exchange install names an update its version has had',
  section: GENERIC_SECTION,
  source: 'Exchange Server build numbers and release dates',
  perHost: true,
  check({ index, report }) {
    for (const server of index.exchangeServers) {
      if (!updateExists(server.exchange.version, server.exchange.update)) report(server.id, server, explainUnknownUpdate)
    }
  },
})

function explainUnknownUpdate(server: ExchangeServerRef): Explanation {
  const { version, update } = server.exchange
  const name = EXCHANGE_VERSION_LABELS[version]
  const updates = exchangeUpdates(version)
  // "RTM, SP1, SP2 and SP3"; a long list of CUs as a range.
  const had = updates.length <= 5 ? joinAnd(updates.map(updateLabel), 'or') : `RTM or CU1 to ${updateLabel(updates.at(-1)!)}`
  return {
    related: hostOf(server),
    message: `${server.name} is recorded as ${name} ${updateLabel(update)}, an update ${name} never had; the rules that depend on its update level judge a release that does not exist.`,
    fix: `Set ${server.name}'s Exchange update to the one installed: ${had}${version === '2013' ? ' (SP1 is CU4)' : ''}.`,
  }
}

export const EXCHANGE_ROLE_RULES: readonly Rule[] = [exchangeRoleNotInVersion, edgeTransportAlone, exchangeUpdateUnknown]
