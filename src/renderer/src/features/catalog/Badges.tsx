import type { CatalogBadge } from '@shared/catalog/extensions'
import type { CatalogOperation } from '@shared/catalog/types'
import { badgeTitle } from './catalog-rows'

interface Props {
  op: CatalogOperation
  badges: readonly CatalogBadge[]
}

/** Chips for module / privilege / lifecycle / namespace; the vendor's caution is the prototype chip's tooltip. */
export function Badges({ op, badges }: Props): React.JSX.Element | null {
  if (badges.length === 0) return null
  return (
    <span className="badges">
      {badges.map((badge, i) => (
        <span
          key={`${badge.kind}-${i}`}
          className={`badge badge-${badge.kind}${badge.label === 'prototype' ? ' badge-prototype' : ''}`}
          title={badgeTitle(op, badge)}
          data-badge={badge.kind}
        >
          {badge.label}
        </span>
      ))}
    </span>
  )
}
