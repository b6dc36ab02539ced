/** Quoting for the two snippet languages. Every user-supplied string goes through one of these. */

/** POSIX shell: one single-quoted word; a ' inside becomes '\'' (close, escaped quote, reopen). */
export function shQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`
}

/** True when `text` can sit inside "..." in sh unchanged (no expansion, no escapes). */
export function shDoubleQuoteSafe(text: string): boolean {
  return !/["$`\\!]/.test(text)
}

/**
 * A Python 3 str literal in double quotes. Printable characters (including non-ASCII) stay as they are, so the
 * snippet stays readable; quotes, backslashes and control characters are escaped; lone surrogates (which a UTF-8
 * source file cannot hold) become \\u escapes.
 */
export function pyString(text: string): string {
  let out = '"'
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    const ch = text[i] ?? ''
    if (ch === '"' || ch === '\\') out += `\\${ch}`
    else if (ch === '\n') out += '\\n'
    else if (ch === '\r') out += '\\r'
    else if (ch === '\t') out += '\\t'
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) out += `\\x${code.toString(16).padStart(2, '0')}`
    else if (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      out += ch + (text[i + 1] ?? '')
      i++
    } else if (code >= 0xd800 && code <= 0xdfff) out += `\\u${code.toString(16)}`
    else if (code === 0x2028 || code === 0x2029) out += `\\u${code.toString(16)}`
    else out += ch
  }
  return `${out}"`
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}

/**
 * A Python str literal for a long multi-line text (a JSON or text body): a triple-quoted string when that keeps
 * the text readable, else the one-line form. The text is exact either way.
 */
export function pyBlock(text: string): string {
  if (!text.includes('\n') || !tripleQuotable(text) || text.includes("'''") || text.endsWith("'")) return pyString(text)
  return `'''${text}'''`
}

/** No backslash, no CR, no control character except tab and newline, no line separators, no lone surrogate. */
function tripleQuotable(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code === 0x5c || code === 0x0d || code === 0x7f || code === 0x2028 || code === 0x2029) return false
    if (code < 0x20 && code !== 0x09 && code !== 0x0a) return false
    if (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) i++
    else if (code >= 0xd800 && code <= 0xdfff) return false
  }
  return true
}

/**
 * The first two lines of every snippet, fixed text. Python reads a PEP 263 encoding declaration from lines 1-2,
 * so no request, environment, catalog or import text may ever stand there: a URL saying "coding=utf-7" would make
 * Python decode the rest as UTF-7, where "+ACI-" is a quote and a string literal turns into code. Line 2 of the
 * Python snippet is our own declaration, so the file is read as UTF-8 whatever follows.
 */
export const FIRST_LINES = {
  python: ['#!/usr/bin/env python3', '# -*- coding: utf-8 -*-'],
  curl: ['#!/bin/sh', '# cURL snippet (POSIX sh).']
} as const

/** Line breaks of any kind (a newline would end the comment), other controls, and bidi controls (they reorder text). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_IN_COMMENT = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]+/g
/** Text editors and Python act on: PEP 263 "coding:"/"coding=", Emacs "-*-" and "Local Variables:", vim modelines. */
const DIRECTIVE = /(?:coding|local variables|\b(?:vim?|ex)(?:[<=>]?\d+)?)(?=[:=])|-\*(?=-)/gi

/**
 * Text for a one-line comment: runs of unsafe characters become one space, and anything an editor or Python would
 * read as a directive is broken up ("coding: x" becomes "coding : x"), so a comment only ever says something.
 */
export function commentText(text: string): string {
  return text.replace(UNSAFE_IN_COMMENT, ' ').replace(DIRECTIVE, '$& ')
}

/** Milliseconds as a seconds literal both languages accept ("10", "0.5"). */
export function seconds(ms: number): string {
  return String(Math.round(ms) / 1000)
}

/**
 * application/x-www-form-urlencoded exactly as URLSearchParams (the engine) writes it: space as +, and only
 * *-._ and alphanumerics left as they are.
 */
export function formEncode(text: string): string {
  return new URLSearchParams([['', text]]).toString().slice(1)
}
