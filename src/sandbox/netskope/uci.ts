/** User Confidence Index: `/api/v2/incidents/uba/getuci` and `/api/v2/ubadatasvc/user/uci`. */
import type { SandboxRuntime } from '../types'
import type { RequestContext } from '../http/context'
import { isRecord, parseJson } from '../http/body'
import { hashString, mix32, Rng } from '../prng'
import { USERS } from './pools'
import { reply, replyMessage } from './reply'

const DAY_MS = 24 * 3600 * 1000
const HISTORY_DAYS = 30

interface Confidence {
  start: number
  confidenceScore: number
}

/** Daily scores (a random walk between 0 and 1000) for the last 30 days, oldest first. */
function confidences(runtime: SandboxRuntime, user: string, fromMs: number, cap: number): Confidence[] {
  if (!USERS.includes(user)) return []
  const today = Math.floor(runtime.now() / DAY_MS) * DAY_MS
  const rng = new Rng(mix32(runtime.seed ^ hashString(`uci:${user}`)))
  let score = rng.range(600, 1000)
  const all: Confidence[] = []
  for (let day = HISTORY_DAYS - 1; day >= 0; day--) {
    score = Math.max(0, Math.min(1000, score + rng.range(-120, 60)))
    all.push({ start: today - day * DAY_MS, confidenceScore: score })
  }
  return all.filter((c) => c.start >= fromMs).slice(-cap)
}

/** Accepts epoch ms; small values are taken as seconds, as people mix both up. */
function toMs(value: number): number {
  return value !== 0 && value < 100_000_000_000 ? value * 1000 : value
}

function uciError(ctx: RequestContext, status: number, message: string): Promise<void> {
  return reply(ctx, status, { errorMsg: message, parameters: {} })
}

export async function handleGetUci(ctx: RequestContext, runtime: SandboxRuntime): Promise<void> {
  const body = parseJson(await ctx.body())
  if (!isRecord(body)) return uciError(ctx, 400, 'Request body must be a JSON object with users and fromTime.')
  const users = body['users']
  if (!Array.isArray(users) || users.length === 0 || users.some((u) => typeof u !== 'string')) {
    return uciError(ctx, 400, 'users is required: a non-empty array of user emails.')
  }
  if (users.length > 512) return uciError(ctx, 400, 'users may contain at most 512 entries.')
  const fromTime = body['fromTime']
  if (typeof fromTime !== 'number' || fromTime < 0) return uciError(ctx, 400, 'fromTime is required: epoch milliseconds.')
  const cap = body['capPerUser'] ?? 7
  if (typeof cap !== 'number' || !Number.isInteger(cap) || cap < 1) {
    return uciError(ctx, 400, 'capPerUser must be a positive integer.')
  }
  const usersUci = (users as string[]).map((userId) => ({
    userId,
    confidences: confidences(runtime, userId, toMs(fromTime), cap)
  }))
  return reply(ctx, 200, { usersUci })
}

export async function handleUserUci(ctx: RequestContext, runtime: SandboxRuntime): Promise<void> {
  const body = parseJson(await ctx.body())
  if (!isRecord(body) || typeof body['user'] !== 'string' || body['user'] === '') {
    return replyMessage(ctx, 400, 'user is required.')
  }
  const fromTime = body['fromTime'] ?? 0
  if (typeof fromTime !== 'number' || fromTime < 0) return replyMessage(ctx, 400, 'fromTime must be epoch milliseconds.')
  const user = body['user']
  return reply(ctx, 200, { userId: user, confidences: confidences(runtime, user, toMs(fromTime), HISTORY_DAYS) })
}
