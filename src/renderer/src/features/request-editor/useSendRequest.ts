import { useCallback, useEffect, useRef, useState } from 'react'
import type { EventPayload } from '@shared/ipc/contract'
import type { AppErrorShape } from '@shared/model/errors'
import type { RequestSpec } from '@shared/model/request'
import type { SendResult } from '@shared/model/response'
import { call, on, toErrorShape } from '../../api/client'
import { onOpenedResponse } from '../../store/opened-response'

export type Progress = Omit<EventPayload<'request:progress'>, 'runId'>

export type SendState =
  | { status: 'idle' }
  | { status: 'running'; runId: string; progress: Progress | null; cancelling: boolean }
  | { status: 'done'; result: SendResult }
  | { status: 'error'; error: AppErrorShape }
  | { status: 'cancelled' }

export interface SendRequest {
  state: SendState
  send(spec: RequestSpec, environmentId: string | null): void
  cancel(): void
  /** Clears the shown response ("not sent yet"), e.g. when the request now goes elsewhere; never a send in flight. */
  reset(): void
  /** Shows a problem found before sending (e.g. an empty URL) in the same error panel. */
  fail(error: AppErrorShape): void
  /** Files a collection names that main will not upload until the user confirms them (null: nothing to ask). */
  pendingUpload: PendingUpload | null
  /** The user agreed: main grants the listed files and the request is sent again. */
  confirmUpload(): void
  /** The user declined: nothing is uploaded; the error panel keeps saying why the request was not sent. */
  dismissUpload(): void
}

export interface PendingUpload {
  files: string[]
  spec: RequestSpec
  environmentId: string | null
  /** Shown in the error panel only if the user cancels: while the dialog asks, the send has not failed. */
  error: AppErrorShape
}

function newRunId(): string {
  return typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `run-${Date.now()}-${Math.random().toString(36).slice(2)}`
}

/**
 * One tab's sends, one at a time: send, cancel by runId, progress from `request:progress`, previous body released.
 * `tabId` is the tab whose history entries' stored responses this shows (store/opened-response.ts).
 */
export function useSendRequest(tabId: string): SendRequest {
  const [state, setState] = useState<SendState>({ status: 'idle' })
  const [pendingUpload, setPendingUpload] = useState<PendingUpload | null>(null)
  const runRef = useRef<{ runId: string; cancelRequested: boolean } | null>(null)
  const responseRef = useRef<string | null>(null)

  const releasePrevious = useCallback(() => {
    const responseId = responseRef.current
    responseRef.current = null
    // Best effort: the body file is also removed when the app closes.
    if (responseId) call('response:release', { responseId }).catch(() => undefined)
  }, [])

  useEffect(
    () =>
      on('request:progress', (payload) => {
        const { runId, ...progress } = payload
        if (runRef.current?.runId !== runId) return
        setState((current) => (current.status === 'running' && current.runId === runId ? { ...current, progress } : current))
      }),
    []
  )

  // A history entry opened with its stored response replaces what is shown (never a send in flight).
  useEffect(
    () =>
      onOpenedResponse(tabId, (opened) => {
        if (runRef.current) {
          if (opened.result) call('response:release', { responseId: opened.result.responseId }).catch(() => undefined)
          return
        }
        releasePrevious()
        if (opened.result) {
          responseRef.current = opened.result.responseId
          setState({ status: 'done', result: opened.result })
        } else setState({ status: 'error', error: opened.error })
      }),
    [releasePrevious, tabId]
  )

  useEffect(() => releasePrevious, [releasePrevious])

  const reset = useCallback(() => {
    if (runRef.current) return
    releasePrevious()
    setState((current) => (current.status === 'idle' ? current : { status: 'idle' }))
  }, [releasePrevious])

  const send = useCallback(
    (spec: RequestSpec, environmentId: string | null) => {
      if (runRef.current) return
      releasePrevious()
      const run = { runId: newRunId(), cancelRequested: false }
      runRef.current = run
      setState({ status: 'running', runId: run.runId, progress: null, cancelling: false })
      call('request:send', { runId: run.runId, spec, environmentId })
        .then((result) => {
          responseRef.current = result.responseId
          setState({ status: 'done', result })
        })
        .catch((error: unknown) => {
          const shape = toErrorShape(error)
          if (shape.code === 'FILE_CONFIRMATION_REQUIRED' && shape.files?.length) {
            setPendingUpload({ files: shape.files, spec, environmentId, error: shape })
            setState({ status: 'idle' })
            return
          }
          setState(shape.code === 'CANCELLED' || run.cancelRequested ? { status: 'cancelled' } : { status: 'error', error: shape })
        })
        .finally(() => {
          if (runRef.current === run) runRef.current = null
        })
    },
    [releasePrevious]
  )

  const cancel = useCallback(() => {
    const run = runRef.current
    if (!run || run.cancelRequested) return
    run.cancelRequested = true
    setState((current) => (current.status === 'running' ? { ...current, cancelling: true } : current))
    call('request:cancel', { runId: run.runId }).catch((error: unknown) => {
      setState({ status: 'error', error: toErrorShape(error) })
    })
  }, [])

  const fail = useCallback((error: AppErrorShape) => {
    if (!runRef.current) setState({ status: 'error', error })
  }, [])

  const confirmUpload = useCallback(() => {
    if (!pendingUpload) return
    setPendingUpload(null)
    call('file:confirm-upload', { paths: pendingUpload.files })
      .then(() => send(pendingUpload.spec, pendingUpload.environmentId))
      .catch((error: unknown) => setState({ status: 'error', error: toErrorShape(error) }))
  }, [pendingUpload, send])

  const dismissUpload = useCallback(() => {
    if (pendingUpload) setState({ status: 'error', error: pendingUpload.error })
    setPendingUpload(null)
  }, [pendingUpload])

  return { state, send, cancel, reset, fail, pendingUpload, confirmUpload, dismissUpload }
}
