/** Stroke paths for the few 16x16 icons the workbench draws (rendered with stroke="currentColor", no fill). */
export const ICONS = {
  catalog: 'M5.5 3.5h8M5.5 8h8M5.5 12.5h8M2.5 3.5h.5M2.5 8h.5M2.5 12.5h.5',
  collections: 'M1.5 3.5h4.5l1.5 1.5h7v8h-13z',
  history: 'M8 1.75a6.25 6.25 0 1 0 0 12.5a6.25 6.25 0 1 0 0-12.5zM8 4.5v3.75l2.5 1.5',
  sidebar: 'M1.5 2.5h13v11h-13zM5.5 2.5v11',
  splitColumns: 'M1.5 2.5h13v11h-13zM8 2.5v11',
  splitRows: 'M1.5 2.5h13v11h-13zM1.5 8h13'
} as const

export type IconName = keyof typeof ICONS
