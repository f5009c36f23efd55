/**
 * Where a finding's sources can be read: the documents of rules-catalogue.md's source register that
 * have a public address, found in a rule's `source` text by their key ("E16-VIRT"), their document
 * number ("cc794548", "KB958662") or their title. The UI links those words; the text stays as it is.
 */

interface SourceDocument {
  /** The words that name the document in a source text. */
  pattern: RegExp
  /** Its address: fixed, or made from the words found (a KB article's number). */
  url: string | ((found: string) => string)
  /** The document's title, for the link's tooltip. */
  title: string | ((found: string) => string)
}

const LEARN = 'https://learn.microsoft.com'

const DOCUMENTS: readonly SourceDocument[] = [
  { pattern: /cc794548/, url: `${LEARN}/previous-versions/office/exchange-server-2007-technical-articles/cc794548(v=exchg.80)`, title: 'Microsoft Support Policies and Recommendations for Exchange Servers in Hardware Virtualization Environments (cc794548)' },
  { pattern: /cc816844/, url: 'https://technet.microsoft.com/en-us/library/cc816844(WS.10).aspx', title: 'Hardware Considerations for Hyper-V in Windows Server 2008 (cc816844)' },
  { pattern: /ee405267/, url: 'https://technet.microsoft.com/en-us/library/ee405267(WS.10).aspx', title: 'Requirements and Limits for Virtual Machines and Hyper-V in Windows Server 2008 R2 (ee405267)' },
  { pattern: /KB958662/, url: `${LEARN}/troubleshoot/windows-server/virtualization/back-up-hyper-v-vm-from-parent-partition`, title: 'KB958662: back up Hyper-V VMs from the parent partition with Windows Server Backup' },
  { pattern: /KB\d{6,7}/, url: (found) => `https://support.microsoft.com/kb/${found.slice(2)}`, title: (found) => `Microsoft Knowledge Base article ${found.slice(2)}` },
  { pattern: /E2010-VIRT|Exchange 2010 hardware virtualization/, url: `${LEARN}/previous-versions/exchange-server/exchange-141/aa996719(v=exchg.141)`, title: 'Exchange 2010 system requirements: hardware virtualization (aa996719)' },
  { pattern: /E2010-BLOG|Exchange team blog on Exchange 2010 SP1 virtualization/, url: 'https://techcommunity.microsoft.com/t5/exchange-team-blog/demystifying-exchange-2010-sp1-virtualization/ba-p/603007', title: 'Exchange team blog: Demystifying Exchange 2010 SP1 Virtualization' },
  { pattern: /E2013-VIRT|Exchange 2013 virtualization(?! whitepaper)/, url: `${LEARN}/exchange/exchange-2013-virtualization-exchange-2013-help`, title: 'Exchange 2013 virtualization' },
  { pattern: /E2013-REQ|Exchange 2013 system requirements/, url: `${LEARN}/exchange/exchange-2013-system-requirements-exchange-2013-help`, title: 'Exchange 2013 system requirements' },
  { pattern: /E2013-SIZE|Exchange 2013 sizing and configuration recommendations/, url: `${LEARN}/exchange/exchange-2013-sizing-and-configuration-recommendations-exchange-2013-help`, title: 'Exchange 2013 sizing and configuration recommendations' },
  { pattern: /E2013-WP|Best Practices for Virtualizing and Managing Exchange 2013|Exchange 2013 virtualization whitepaper/, url: 'https://download.microsoft.com/download/4/a/c/4ac32fd3-220e-45dc-aa97-dbdbe19c15b2/best_practices_for_virtualizing_and_managing_exchange_2013.pdf', title: 'Best Practices for Virtualizing and Managing Exchange 2013 (whitepaper, PDF)' },
  { pattern: /E16-VIRT|Exchange Server virtualization/, url: `${LEARN}/exchange/plan-and-deploy/virtualization`, title: 'Exchange Server virtualization (2016, 2019, SE)' },
  { pattern: /E16-REQ|Exchange Server 2016 and 2019 system requirements/, url: `${LEARN}/exchange/plan-and-deploy/system-requirements`, title: 'Exchange Server system requirements (2016, 2019, SE)' },
  { pattern: /Exchange Server build numbers and release dates/, url: `${LEARN}/exchange/new-features/build-numbers-and-release-dates`, title: 'Exchange Server build numbers and release dates' },
  { pattern: /Exchange Server supportability matrix/, url: `${LEARN}/exchange/plan-and-deploy/supportability-matrix`, title: 'Exchange Server supportability matrix' },
  { pattern: /E19-PA|Exchange (?:Server )?2019 Preferred Architecture/, url: `${LEARN}/exchange/plan-and-deploy/deployment-ref/preferred-architecture-2019`, title: 'Exchange Server 2019 Preferred Architecture' },
  { pattern: /CSS-HC|CSS-Exchange HealthChecker/, url: 'https://microsoft.github.io/CSS-Exchange/Diagnostics/HealthChecker/', title: 'Microsoft CSS-Exchange HealthChecker' },
  { pattern: /Hyper-V scalability in Windows Server 2016\/2019|Hyper-V 2016\/2019 scalability/, url: `${LEARN}/windows-server/virtualization/hyper-v/plan/plan-hyper-v-scalability-in-windows-server`, title: 'Plan for Hyper-V scalability in Windows Server' },
]

/** A run of a source text: plain words, or words that name a document with an address. */
export type SourcePart = string | { text: string; url: string; title: string }

/** A source text cut into plain runs and linked ones, in order; joined, the runs give the text back. */
export function sourceParts(source: string): SourcePart[] {
  const parts: SourcePart[] = []
  let rest = source
  while (rest.length > 0) {
    // The earliest mention of any document; at one place, the first in the register.
    let best: { index: number; text: string; document: SourceDocument } | null = null
    for (const document of DOCUMENTS) {
      const match = document.pattern.exec(rest)
      if (match && (!best || match.index < best.index)) best = { index: match.index, text: match[0], document }
    }
    if (!best) {
      parts.push(rest)
      break
    }
    if (best.index > 0) parts.push(rest.slice(0, best.index))
    const { text, document: { url, title } } = best
    parts.push({ text, url: typeof url === 'string' ? url : url(text), title: typeof title === 'string' ? title : title(text) })
    rest = rest.slice(best.index + best.text.length)
  }
  return parts
}
