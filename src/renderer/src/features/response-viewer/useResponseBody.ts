import { useCallback, useState } from 'react'
import type { SendResult } from '@shared/model/response'
import { call, toErrorShape } from '../../api/client'
import { utf8Length } from './format'

/** Bytes fetched per "Load more"; the contract allows up to 4 MiB per read. */
export const PAGE_BYTES = 1024 * 1024

export interface ResponseBody {
  text: string
  loadedBytes: number
  totalBytes: number
  complete: boolean
  loading: boolean
  error: string | null
  loadMore(): void
}

interface BodyState {
  responseId: string
  text: string
  nextOffset: number
  complete: boolean
  loading: boolean
  error: string | null
}

function fromPreview(result: SendResult): BodyState {
  return {
    responseId: result.responseId,
    text: result.preview.text,
    nextOffset: utf8Length(result.preview.text),
    complete: !result.preview.truncated,
    loading: false,
    error: null
  }
}

/** The body as far as loaded: starts with the preview, then pages through `response:read-body` on demand. */
export function useResponseBody(result: SendResult): ResponseBody {
  const [state, setState] = useState<BodyState>(() => fromPreview(result))
  // A new result starts again from its preview; the stale state is replaced on the first load.
  const current = state.responseId === result.responseId ? state : fromPreview(result)

  const loadMore = useCallback(() => {
    if (current.loading || current.complete) return
    const { responseId, nextOffset } = current
    setState({ ...current, loading: true, error: null })
    call('response:read-body', { responseId, offset: nextOffset, length: PAGE_BYTES })
      .then((chunk) =>
        setState((previous) =>
          previous.responseId !== responseId
            ? previous
            : { ...previous, text: previous.text + chunk.text, nextOffset: chunk.nextOffset, complete: chunk.eof, loading: false }
        )
      )
      .catch((error: unknown) =>
        setState((previous) =>
          previous.responseId !== responseId ? previous : { ...previous, loading: false, error: toErrorShape(error).message }
        )
      )
  }, [current])

  return {
    text: current.text,
    loadedBytes: current.nextOffset,
    totalBytes: result.sizes.decodedBytes,
    complete: current.complete,
    loading: current.loading,
    error: current.error,
    loadMore
  }
}
