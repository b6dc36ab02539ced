/**
 * Compiles a parsed pattern into a Thompson NFA program (Russ Cox, "Regular Expression Matching Can Be Simple And
 * Fast"). Repeats are expanded into copies, so the program's size, capped at REGEX_LIMITS.program, bounds the work
 * per input character.
 */
import { BoundedRegexError, REGEX_LIMITS, type Assertion, type CharClass, type RegexNode } from './syntax'

/** `class`, `any` and `assert` continue at the next instruction. */
export type Instruction =
  | { op: 'class'; cls: CharClass }
  | { op: 'any' }
  | { op: 'assert'; what: Assertion }
  | { op: 'split'; to: [number, number] }
  | { op: 'jump'; to: number }
  | { op: 'match' }

export function compileProgram(tree: RegexNode): Instruction[] {
  const program: Instruction[] = []
  const push = (instruction: Instruction): number => {
    if (program.length >= REGEX_LIMITS.program) {
      throw new BoundedRegexError(`the pattern is too complex: it expands to more than ${REGEX_LIMITS.program} steps per character`)
    }
    return program.push(instruction) - 1
  }
  /** A split or jump whose targets are filled in once known. */
  const placeholder = (): number => push({ op: 'jump', to: -1 })

  const emit = (node: RegexNode): void => {
    switch (node.kind) {
      case 'empty': return
      case 'class': push({ op: 'class', cls: node.cls }); return
      case 'any': push({ op: 'any' }); return
      case 'assert': push({ op: 'assert', what: node.what }); return
      case 'seq': for (const item of node.items) emit(item); return
      case 'alt': {
        const exits: number[] = []
        node.options.forEach((option, k) => {
          const last = k === node.options.length - 1
          const split = last ? -1 : placeholder()
          emit(option)
          if (last) return
          exits.push(placeholder())
          program[split] = { op: 'split', to: [split + 1, program.length] }
        })
        for (const exit of exits) program[exit] = { op: 'jump', to: program.length }
        return
      }
      case 'repeat': {
        for (let k = 0; k < node.min; k++) emit(node.body)
        if (node.max === Infinity) {
          const loop = placeholder()
          emit(node.body)
          push({ op: 'jump', to: loop })
          program[loop] = { op: 'split', to: [loop + 1, program.length] }
          return
        }
        const optional: number[] = []
        for (let k = node.min; k < node.max; k++) {
          optional.push(placeholder())
          emit(node.body)
        }
        for (const split of optional) program[split] = { op: 'split', to: [split + 1, program.length] }
      }
    }
  }

  emit(tree)
  push({ op: 'match' })
  return program
}
