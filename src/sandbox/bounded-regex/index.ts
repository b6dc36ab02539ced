/**
 * A regular-expression matcher whose work is linear in the input: a Pike VM over the Thompson NFA of program.ts
 * keeps at most one thread per instruction, so one match costs at most 2 x program size steps per character, never
 * the exponential backtracking of RegExp on patterns like (a+)+$. Steps are counted against a StepBudget.
 */
import { compileProgram, type Instruction } from './program'
import { BoundedRegexError, parseRegex, REGEX_LIMITS, type Assertion, type CharClass } from './syntax'

export { BoundedRegexError, REGEX_LIMITS } from './syntax'

/** Matching steps allowed for a whole request (shared by every match it runs). */
export class StepBudget {
  used = 0
  constructor(readonly limit: number) {}

  spend(steps: number): void {
    this.used += steps
    if (this.used > this.limit) throw new BoundedRegexError(`matching needs more than ${this.limit} steps; use a simpler pattern`)
  }
}

export interface BoundedRegex {
  /** Like RegExp.prototype.test: does the pattern match anywhere in `input`? */
  test(input: string, budget?: StepBudget): boolean
  /** Instructions in the compiled program. */
  readonly size: number
}

const isLineBreak = (c: number): boolean => c === 10 || c === 13 || c === 0x2028 || c === 0x2029
const isWordChar = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c === 95 || (c >= 97 && c <= 122)

function inRanges(cls: CharClass, c: number): boolean {
  for (const [lo, hi] of cls.ranges) if (c >= lo && c <= hi) return true
  return false
}

function caseVariants(c: number): number[] {
  if (c < 128) return c >= 65 && c <= 90 ? [c + 32] : c >= 97 && c <= 122 ? [c - 32] : []
  const text = String.fromCharCode(c)
  return [text.toLowerCase(), text.toUpperCase()].filter((t) => t.length === 1).map((t) => t.charCodeAt(0))
}

export function compileBoundedRegex(pattern: string, flags = ''): BoundedRegex {
  const unknown = [...flags].find((f) => !'imsu'.includes(f))
  if (unknown !== undefined) throw new BoundedRegexError(`the regex option ${unknown} is not supported (use i, m, s)`)
  const program: Instruction[] = compileProgram(parseRegex(pattern))
  const ignoreCase = flags.includes('i')
  const multiline = flags.includes('m')
  const dotAll = flags.includes('s')

  const classMatches = (cls: CharClass, c: number): boolean => {
    const hit = inRanges(cls, c) || (ignoreCase && caseVariants(c).some((v) => inRanges(cls, v)))
    return hit !== cls.negated
  }
  const holds = (what: Assertion, input: string, i: number): boolean => {
    switch (what) {
      case 'start': return i === 0 || (multiline && isLineBreak(input.charCodeAt(i - 1)))
      case 'end': return i === input.length || (multiline && isLineBreak(input.charCodeAt(i)))
      case 'word':
      case 'notWord': {
        const boundary = (i > 0 && isWordChar(input.charCodeAt(i - 1))) !== (i < input.length && isWordChar(input.charCodeAt(i)))
        return boundary === (what === 'word')
      }
    }
  }

  return {
    size: program.length,
    test(input, budget) {
      const perMatch = REGEX_LIMITS.stepsPerChar * (input.length + 1)
      const mark = new Int32Array(program.length).fill(-1)
      const stack: number[] = []
      let steps = 0
      /** Follows every empty transition from `start` at position `i`; collects consuming threads in `into`. */
      const addThreads = (start: number, i: number, into: number[]): boolean => {
        stack.push(start)
        while (stack.length > 0) {
          const pc = stack.pop() as number
          if (mark[pc] === i) continue
          mark[pc] = i
          steps++
          const instruction = program[pc] as Instruction
          switch (instruction.op) {
            case 'match': stack.length = 0; return true
            case 'jump': stack.push(instruction.to); break
            case 'split': stack.push(instruction.to[1], instruction.to[0]); break
            case 'assert': if (holds(instruction.what, input, i)) stack.push(pc + 1); break
            default: into.push(pc)
          }
        }
        return false
      }
      let current: number[] = []
      let spent = 0
      const charge = (): void => {
        budget?.spend(steps - spent)
        spent = steps
        if (steps > perMatch) throw new BoundedRegexError(`the pattern needs more than ${REGEX_LIMITS.stepsPerChar} steps per character`)
      }
      const done = (matched: boolean): boolean => {
        charge()
        return matched
      }
      for (let i = 0; ; i++) {
        if (addThreads(0, i, current)) return done(true)
        if (i === input.length) return done(false)
        const c = input.charCodeAt(i)
        const next: number[] = []
        for (const pc of current) {
          steps++
          const instruction = program[pc] as Instruction
          const consumes = instruction.op === 'any' ? dotAll || !isLineBreak(c) : instruction.op === 'class' && classMatches(instruction.cls, c)
          if (consumes && addThreads(pc + 1, i + 1, next)) return done(true)
        }
        current = next
        charge()
      }
    }
  }
}
