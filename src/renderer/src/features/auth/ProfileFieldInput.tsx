import type { AuthProfile } from '@shared/model/auth'
import type { ProfileField } from '@shared/vendors/definition'

interface Props {
  field: ProfileField
  profile: AuthProfile
  onChange(profile: AuthProfile): void
}

/**
 * One non-secret auth profile field, drawn from its description in the vendor definition. The profile is re-checked
 * by AuthProfileSchema in main when saved, so the loose typing of a field's value ends here.
 */
export function ProfileFieldInput({ field, profile, onChange }: Props): React.JSX.Element {
  const value = (profile as unknown as Record<string, unknown>)[field.key]
  const set = (next: string | null): void => onChange({ ...profile, [field.key]: next } as AuthProfile)
  switch (field.control) {
    case 'select':
      return (
        <label>
          {field.label}
          <select data-testid={field.testId} value={typeof value === 'string' ? value : field.options[0]?.value} onChange={(event) => set(event.target.value)}>
            {field.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
          {field.help && <small className="muted field-help" data-testid={`${field.testId}-help`}>{field.help}</small>}
        </label>
      )
    case 'text':
      return (
        <label>
          {field.label}
          <input data-testid={field.testId} autoComplete={field.autoComplete} value={String(value ?? '')} onChange={(event) => set(event.target.value)} />
        </label>
      )
    case 'date':
      return (
        <label>
          {field.label}
          <input type="date" data-testid={field.testId} value={typeof value === 'string' ? value : ''} onChange={(event) => set(event.target.value === '' ? null : event.target.value)} />
        </label>
      )
  }
}
