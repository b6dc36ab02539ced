import { useState } from 'react'
import type { Environment } from '@shared/model/environment'
import { parseAllowedOrigin } from '@shared/model/origin'

interface Props {
  environment: Environment
  save(allowedOrigins: string[]): Promise<void>
}

/**
 * Origins besides the base URL's that may receive this environment's credential and secrets (main refuses or
 * withholds them anywhere else). Main deletes the stored secrets when an origin is added, so they are entered again
 * for the new set (src/main/core/environment-save.ts); the note says so before the user adds one.
 */
export function AllowedOrigins({ environment, save }: Props): React.JSX.Element {
  const origins = environment.allowedOrigins ?? []
  const [text, setText] = useState('')
  const [problem, setProblem] = useState<string | null>(null)

  const add = (): void => {
    const parsed = parseAllowedOrigin(text)
    if ('problem' in parsed) {
      setProblem(parsed.problem)
      return
    }
    setProblem(null)
    setText('')
    if (!origins.includes(parsed.origin)) void save([...origins, parsed.origin])
  }

  return (
    <fieldset className="allowed-origins" data-testid="allowed-origins">
      <legend>Allowed origins</legend>
      <ul>
        {origins.map((origin) => (
          <li key={origin} data-testid="allowed-origin">
            <code>{origin}</code>
            <button type="button" aria-label={`Remove ${origin}`} onClick={() => void save(origins.filter((kept) => kept !== origin))}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      <input
        aria-label="Add allowed origin"
        data-testid="allowed-origin-input"
        placeholder="https://host[:port]"
        spellCheck={false}
        value={text}
        aria-invalid={problem !== null}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') add()
        }}
      />
      <button type="button" onClick={add}>
        Add
      </button>
      <small>Credentials and secrets go only to the base URL&apos;s origin and these. Adding one removes the stored secrets: enter them again.</small>
      {problem && (
        <span className="inline-error" role="alert" data-testid="allowed-origin-error">
          {problem}
        </span>
      )}
    </fieldset>
  )
}
