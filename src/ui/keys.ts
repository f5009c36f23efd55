/** The modifier of the app's shortcuts as the platform writes it: ⌘ on a Mac, Ctrl elsewhere. */
const isMac = typeof navigator !== 'undefined' && /Mac|iP(hone|ad)/.test(navigator.platform)
export const MOD_KEY = isMac ? '⌘' : 'Ctrl+'
