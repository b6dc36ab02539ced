import { AppError } from '@shared/model/errors'
import { RunSignal } from './run-signal'

/**
 * The runs of one kind in flight, by the id the caller chose (sends, iterator runs, body searches; token scope
 * checks are sends and live in the request runner's registry). start() hands out the run's signal, cancel() and
 * cancelAll() abort, finish() forgets the run once it has settled. Nothing here allocates beyond the signal, and
 * nothing is async: the send path pays one Map lookup more than a bare Map would.
 */
export class RunRegistry {
  private readonly runs = new Map<string, RunSignal>()

  /** `duplicate` words the refusal of an id that is still running (the message the caller sees). */
  constructor(private readonly duplicate: (id: string) => string) {}

  /** Throws INVALID_INPUT when a run with this id is still going (also while a cancelled one winds down). */
  start(id: string): RunSignal {
    if (this.runs.has(id)) throw new AppError('INVALID_INPUT', this.duplicate(id))
    const signal = new RunSignal()
    this.runs.set(id, signal)
    return signal
  }

  /** A new run that replaces (cancels and forgets) any run with the same id, e.g. a search typed over. */
  restart(id: string): RunSignal {
    this.drop(id)
    const signal = new RunSignal()
    this.runs.set(id, signal)
    return signal
  }

  /** The run has settled; forgets it unless its id already belongs to a newer run (see restart). */
  finish(id: string, signal: RunSignal): void {
    if (this.runs.get(id) === signal) this.runs.delete(id)
  }

  /** True if a run with this id was in flight and is now aborted; its id stays taken until it finishes. */
  cancel(id: string): boolean {
    const signal = this.runs.get(id)
    signal?.abort()
    return signal !== undefined
  }

  /** Like cancel, and frees the id at once. */
  drop(id: string): boolean {
    const cancelled = this.cancel(id)
    this.runs.delete(id)
    return cancelled
  }

  cancelAll(): void {
    for (const signal of this.runs.values()) signal.abort()
  }

  /** Like cancelAll, and frees every id at once. */
  dropAll(): void {
    this.cancelAll()
    this.runs.clear()
  }
}
