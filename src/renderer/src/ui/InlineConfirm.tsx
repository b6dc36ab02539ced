interface Choice {
  label: string
  danger?: boolean
  onChoose(): void
}

interface Props {
  text: React.ReactNode
  choices: Choice[]
  onCancel(): void
}

/** A question in place (delete this? copy secrets?): the choices, then Cancel, which has the focus. */
export function InlineConfirm({ text, choices, onCancel }: Props): React.JSX.Element {
  return (
    <div className="env-confirm" role="alertdialog" aria-label="Confirm">
      <p>{text}</p>
      <div className="env-actions">
        {choices.map((choice) => (
          <button key={choice.label} type="button" className={choice.danger ? 'danger' : undefined} onClick={choice.onChoose}>
            {choice.label}
          </button>
        ))}
        <button type="button" autoFocus onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  )
}
