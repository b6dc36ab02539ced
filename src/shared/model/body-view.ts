import { z } from 'zod'

/**
 * Large response bodies are viewed as windows of rows fetched from main (the renderer never holds the body).
 * A row is one line, or a piece of a long line folded at about 1 KiB; `line` is null on such continuation rows.
 */
export const BodyViewModeSchema = z.enum(['pretty', 'raw'])
export type BodyViewMode = z.infer<typeof BodyViewModeSchema>

export interface BodyRow {
  text: string
  /** 1-based line number, null when this row continues a folded long line. */
  line: number | null
}

export interface BodyRows {
  /** The mode actually shown: 'raw' when pretty was asked for a body that is not JSON. */
  mode: BodyViewMode
  firstRow: number
  rows: BodyRow[]
  /** Rows known so far (grows while main is still indexing). */
  totalRows: number
  /** Indexing finished: totalRows is final. */
  done: boolean
  /** Source bytes indexed so far, of totalBytes. */
  indexedBytes: number
  totalBytes: number
}

export interface BodyMatch {
  row: number
  /** Byte offset of the match within its row (the renderer maps it to characters). */
  byteColumn: number
  byteLength: number
}

export interface BodySearchPage {
  matches: BodyMatch[]
  /** Where the next page starts; null when the whole body has been searched. */
  nextRow: number | null
  /** View bytes searched so far (up to the end of this page), of viewBytes. */
  searchedBytes: number
  viewBytes: number
}
