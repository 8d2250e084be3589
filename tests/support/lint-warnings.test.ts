import { describe, expect, it } from 'vitest';
import { knownLintWarning } from './lint-warnings';

// Excerpts of the shipped chunks web-ext flagged (Firefox build of 2026-11-29), and code that must still fail.
const preact = 'p?(c||_&&(p.__html==_.__html||p.__html==e.innerHTML)||(e.innerHTML=p.__html),n.__k=[]):(_&&0)';
const linkedomFragment = 'htmlToFragment=(e,t)=>{let n=e.createDocumentFragment(),r=e.createElement(``);r.innerHTML=t;';
const linkedomOuter = 'set outerHTML(e){let t=this.ownerDocument.createElement(``);t.innerHTML=e,this.replaceWith()}';
const linkedomEval = 'typeof window<`u`&&window[errorType]||eval(errorType)}function createError(e,t,n,r){}';
const zod = 'var ae=a(()=>{if(M.jitless)return!1;try{return Function(``),!0}catch{return!1}});';

describe('known web-ext lint warnings, recognised by the code at their place', () => {
  it.each([
    ['UNSAFE_VAR_ASSIGNMENT', preact, preact.indexOf('e.innerHTML=p'), /Preact/],
    ['UNSAFE_VAR_ASSIGNMENT', linkedomFragment, linkedomFragment.indexOf('r.innerHTML'), /linkedom/],
    ['UNSAFE_VAR_ASSIGNMENT', linkedomOuter, linkedomOuter.indexOf('t.innerHTML'), /linkedom/],
    ['DANGEROUS_EVAL', linkedomEval, linkedomEval.indexOf('eval('), /linkedom/],
    ['DANGEROUS_EVAL', zod, zod.indexOf('Function('), /zod/],
  ])('%s in %s', (code, source, at, why) => {
    expect(knownLintWarning({ code, line: 1, column: at + 1 }, source)?.why).toMatch(why);
  });

  it.each([
    ['our own innerHTML', 'UNSAFE_VAR_ASSIGNMENT', 'el.innerHTML=brokerText;'],
    ['our own eval', 'DANGEROUS_EVAL', 'eval(code)'],
    ['a known pattern under another code', 'DANGEROUS_EVAL', preact],
    ['no place given', 'UNSAFE_VAR_ASSIGNMENT', undefined],
  ])('fails %s', (_, code, source) => {
    const w = source === undefined ? { code } : { code, line: 1, column: 1 };
    expect(knownLintWarning(w, source ?? preact)).toBeUndefined();
  });

  it('looks only near the flagged place, not anywhere in the file', () => {
    const far = preact + ' '.repeat(1000) + 'x.innerHTML=y;';
    expect(knownLintWarning({ code: 'UNSAFE_VAR_ASSIGNMENT', line: 1, column: far.length - 5 }, far)).toBeUndefined();
  });
});
