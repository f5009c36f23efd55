import { create } from 'zustand'

/** The PNG export under way, if any: what it is doing and how far it is (0–1). */
export interface ExportStatus { stage: string; progress: number }

export const useExportStatus = create<{ status: ExportStatus | null }>(() => ({ status: null }))

export const setExportStatus = (status: ExportStatus | null): void => useExportStatus.setState({ status })
