import { describe, expect, it } from 'vitest'
import { GREATER_THAN_0, parseNumber, ruleMessage, WHOLE_AT_LEAST_0, WHOLE_AT_LEAST_1 } from './number-input.ts'

describe('parseNumber', () => {
  it.each([
    ['4', WHOLE_AT_LEAST_1, 4],
    [' 12 ', WHOLE_AT_LEAST_1, 12],
    ['0', WHOLE_AT_LEAST_0, 0],
    ['007', WHOLE_AT_LEAST_0, 7],
    ['1.5', GREATER_THAN_0, 1.5],
    ['1,5', GREATER_THAN_0, 1.5],
    ['.5', GREATER_THAN_0, 0.5],
    ['8.', GREATER_THAN_0, 8],
    ['300', GREATER_THAN_0, 300],
    // Thousands grouped as the canvas shows sizes: not a decimal comma.
    ['1,500', GREATER_THAN_0, 1500],
    ['12,000,000', WHOLE_AT_LEAST_0, 12000000],
    ['2,048.5', GREATER_THAN_0, 2048.5],
    ['1,50', GREATER_THAN_0, 1.5],
  ])('accepts %j', (text, rule, value) => {
    expect(parseNumber(text, rule)).toEqual({ ok: true, value })
  })

  it.each([
    ['', WHOLE_AT_LEAST_1],
    ['0', WHOLE_AT_LEAST_1],
    ['-1', WHOLE_AT_LEAST_0],
    ['1.5', WHOLE_AT_LEAST_1],
    ['abc', WHOLE_AT_LEAST_1],
    ['2x', WHOLE_AT_LEAST_1],
    ['0', GREATER_THAN_0],
    ['0.0', GREATER_THAN_0],
    ['.', GREATER_THAN_0],
    ['-3', GREATER_THAN_0],
    ['Infinity', GREATER_THAN_0],
    ['1.2.3', GREATER_THAN_0],
    ['1,500', { integer: true, min: 2000 }],
    ['1.500,5', GREATER_THAN_0],
    ['1,5', WHOLE_AT_LEAST_1],
  ])('refuses %j with the rule as the message', (text, rule) => {
    expect(parseNumber(text, rule)).toEqual({ ok: false, message: ruleMessage(rule) })
  })

  it('asks for plain digits where the text is an allowed number written another way', () => {
    expect(parseNumber('1e3', GREATER_THAN_0)).toEqual({ ok: false, message: 'Write it in plain digits: 1000' })
    expect(parseNumber('1e3', WHOLE_AT_LEAST_1)).toEqual({ ok: false, message: 'Write it in plain digits: 1000' })
    expect(parseNumber('0x10', WHOLE_AT_LEAST_0)).toEqual({ ok: false, message: 'Write it in plain digits: 16' })
    // Not allowed however it is written: the rule, as for any other text.
    expect(parseNumber('1e-3', WHOLE_AT_LEAST_1)).toEqual({ ok: false, message: ruleMessage(WHOLE_AT_LEAST_1) })
    expect(parseNumber('-1e3', GREATER_THAN_0)).toEqual({ ok: false, message: ruleMessage(GREATER_THAN_0) })
    expect(parseNumber(' ', WHOLE_AT_LEAST_0)).toEqual({ ok: false, message: ruleMessage(WHOLE_AT_LEAST_0) })
  })

  it('refuses whole numbers too large to be exact', () => {
    expect(parseNumber('99999999999999999999', WHOLE_AT_LEAST_1)).toEqual({ ok: false, message: 'That number is too large' })
    expect(parseNumber('1e400', GREATER_THAN_0)).toEqual({ ok: false, message: 'That number is too large' })
  })
})

describe('ruleMessage', () => {
  it('says what to enter', () => {
    expect(ruleMessage(WHOLE_AT_LEAST_1)).toBe('Enter a whole number of at least 1')
    expect(ruleMessage(WHOLE_AT_LEAST_0)).toBe('Enter a whole number of at least 0')
    expect(ruleMessage(GREATER_THAN_0)).toBe('Enter a number greater than 0')
  })
})
