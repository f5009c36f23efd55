import { describe, expect, it } from 'vitest'
import { findDuplicateKey, findJsonError } from './json-error.ts'

const at = (text: string) => findJsonError(text)

describe('findJsonError', () => {
  it('finds nothing in valid JSON, however deep', () => {
    for (const text of ['{}', '[]', ' {"a": [1, -2.5e+3, 0, "x\\n\\u00e9", true, false, null, {}]} ', '"text"', '0', `${'['.repeat(100_000)}${']'.repeat(100_000)}`]) {
      expect(at(text), text.slice(0, 40)).toBeNull()
      expect(() => JSON.parse(text)).not.toThrow()
    }
  })

  it('gives the line, the column and what is wrong, in plain words', () => {
    const text = '{\n  "format": "vexplan/plan",\n  "vcpus": NaN\n}'
    expect(at(text)).toEqual({ line: 3, column: 12, problem: 'expected a value but found "NaN"' })
  })

  it.each([
    ['{"a": 1,}', 1, 9, 'a "," before "}": JSON does not allow a trailing comma'],
    ['[1, 2,]', 1, 7, 'a "," before "]": JSON does not allow a trailing comma'],
    ["{'a': 1}", 1, 2, 'expected a field name in double quotes but found "\'"'],
    ['{"a" 1}', 1, 6, 'expected ":" after the field name but found "1"'],
    ['{"a": 1} x', 1, 10, 'found "x" after the end of the JSON value, where the text should end'],
    ['{"a": 1}\n\u0000', 2, 1, 'found a NUL character (\\u0000) after the end of the JSON value, where the text should end'],
    ['{"a": "x', 1, 7, 'a text value in double quotes is never closed'],
    ['{"a": 01}', 1, 7, 'a number cannot start with 0 (write 7, not 07)'],
    ['{"a": 1', 1, 8, 'the text ends before the object is closed with "}"'],
    ['[1 2]', 1, 4, 'expected "," or "]" but found "2"; is a comma missing before it?'],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3, 'expected "," or "}" but found the start of "b"; is a comma missing before it?'],
    ['{"a": 1 :}', 1, 9, 'expected "," or "}" but found ":"'],
    ['{"a": "\t"}', 1, 8, 'a tab or line break inside a text value must be written as an escape (\\t, \\n)'],
    ['{"a": "x\u0000y"}', 1, 9, 'a control character (U+0000) inside a text value must be written as an escape (\\u0000), or left out'],
    ['{"a": "\u001b[2J"}', 1, 8, 'a control character (U+001B) inside a text value must be written as an escape (\\u001b), or left out'],
    ['{"a": "\\x"}', 1, 8, '"\\x" is not an escape JSON knows (use \\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX)'],
    ['{"a": "\\u12"}', 1, 8, '"\\u" must be followed by four hexadecimal digits'],
    ['{"a": -}', 1, 8, 'expected a digit after "-" but found "}"'],
    ['{"a": 1.}', 1, 9, 'expected a digit after the decimal point but found "}"'],
    ['{"a": 1e}', 1, 9, 'expected the digits of an exponent but found "}"'],
    ['{"a": True}', 1, 7, 'expected a value but found "True"'],
    ['{"a": 1} // note', 1, 10, 'a comment: JSON does not allow comments'],
    ['{"a": ', 1, 7, 'the text ends where a value should follow'],
    ['{"a": 1,', 1, 9, 'the text ends where a field name should follow'],
    ['{"a"', 1, 5, 'the text ends where ":" should follow the field name'],
    ['{', 1, 2, 'the text ends before the object is closed with "}"'],
    ['[', 1, 2, 'the text ends before the list is closed with "]"'],
    ['[1,', 1, 4, 'the text ends where a value should follow'],
  ])('%s', (text, line, column, problem) => {
    expect(() => JSON.parse(text)).toThrow()
    expect(at(text)).toEqual({ line, column, problem })
  })
})

describe('findDuplicateKey', () => {
  it('finds a field an object gives twice, with its path and where the second one is', () => {
    expect(findDuplicateKey('{"hosts": [], "name": "x",\n "hosts": [1]}')).toEqual({ path: ['hosts'], line: 2, column: 2 })
    const nested = '{"hosts": [{"id": "a", "vms": []}, {"id": "b", "vms": [{"id": "v", "ramGB": 4, "ramGB": 8}]}]}'
    expect(findDuplicateKey(nested)?.path).toEqual(['hosts', 1, 'vms', 0, 'ramGB'])
  })

  it('takes escaped names for what they mean, and ignores brackets, commas and colons inside text', () => {
    expect(findDuplicateKey('{"a": 1, "\\u0061": 2}')?.path).toEqual(['a'])
    expect(findDuplicateKey('{"name": "x, \\"y\\": {[", "other": "a:b"}')).toBeNull()
  })

  it('reads a ten-million-character text value without overflowing a stack', () => {
    const long = 'x'.repeat(10_000_000)
    expect(findDuplicateKey(`{"name": "${long}", "other": "a\\"b"}`)).toBeNull()
    expect(findDuplicateKey(`{"name": "${long}", "name": 1}`)?.path).toEqual(['name'])
  })

  it('finds nothing when the same field appears in different objects', () => {
    expect(findDuplicateKey('[{"id": 1, "name": "a"}, {"id": 2, "name": "b", "sub": {"id": 3}}]')).toBeNull()
    expect(findDuplicateKey('{"a": {"b": 1}, "b": 2}')).toBeNull()
  })
})

describe('json-error, details (mutation-testing gaps)', () => {
  it('finds a field given twice whatever whitespace stands before its colon', () => {
    for (const space of [' ', '\t', '\n', '\r\n', ' \t\r\n ']) {
      expect(findDuplicateKey(`{"a"${space}: 1, "a"${space}: 2}`)?.path, JSON.stringify(space)).toEqual(['a'])
    }
  })

  it('counts list items in the path of a duplicate, past nested lists and objects', () => {
    expect(findDuplicateKey('[[1,2],{"x":[3,4]},{"id":1,"id":2}]')?.path).toEqual([2, 'id'])
    expect(findDuplicateKey('[ 0 ,  1 , {"id": 1, "id": 2}]')?.path).toEqual([2, 'id'])
  })

  it('reads numbers with nines, exponents in either case and signs, and points at the real mistake', () => {
    const text = '{"a": [19, 1E5, 1e-5, 2e+3, 0.5, -0]],}'
    expect(at(text)).toMatchObject({ line: 1, column: 37, problem: 'expected "," or "}" but found "]"' })
    expect(at('{"a": [19, 1E5, 1e-5],}')).toMatchObject({ line: 1, column: 23, problem: 'a "," before "}": JSON does not allow a trailing comma' })
  })

  it('tells a missing value from a trailing comma', () => {
    expect(at('{"a": }')).toMatchObject({ column: 7, problem: 'expected a value but found "}"' })
    expect(at('{"a": ]}')).toMatchObject({ column: 7, problem: 'expected a value but found "]"' })
  })

  it('puts a line break inside a text value on the line where it stands', () => {
    expect(at('{"a": "x\ny"}')).toMatchObject({ line: 1, column: 9 })
    expect(at('{"a\nb": 1}')).toMatchObject({ line: 1, column: 4, problem: expect.stringMatching(/^a tab or line break inside a text value/) })
  })

  it('says which kind of bracket the text ends inside', () => {
    expect(at('[1, 2')?.problem).toBe('the text ends before the list is closed with "]"')
    expect(at('{"a": 1')?.problem).toBe('the text ends before the object is closed with "}"')
  })
})
