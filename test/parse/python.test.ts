import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CallExpr, Expr, Statement } from '../../src/parse/python/ast.js';
import { dottedName } from '../../src/parse/python/ast.js';
import { Evaluator } from '../../src/parse/python/evaluate.js';
import type { Host, Value } from '../../src/parse/python/evaluate.js';
import { parsePython, tryParsePython } from '../../src/parse/python/parser.js';
import { CodeError, preprocess, tokenize } from '../../src/parse/python/tokenizer.js';

/** A host that knows no names: enough to evaluate arithmetic and literals. */
const plainHost: Host = {
  name(id) {
    throw new CodeError(`unknown ${id}`);
  },
  attr() {
    throw new CodeError('no attributes');
  },
  call() {
    throw new CodeError('no calls');
  },
};

function value(src: string): Value {
  const m = parsePython(src);
  const st = m.body[0] as Statement;
  if (st.k !== 'expr') throw new Error('not an expression');
  return new Evaluator(m.source, plainHost).evaluate(st.expr);
}

function firstExpr(src: string): Expr {
  const st = parsePython(src).body[0] as Statement;
  if (st.k !== 'expr') throw new Error('not an expression');
  return st.expr;
}

function errorOf(src: string): string {
  const r = tryParsePython(src);
  if (r.ok) throw new Error(`expected a refusal for ${src.slice(0, 40)}`);
  return r.error;
}

describe('preprocess', () => {
  it('strips Slack code fences and backticks', () => {
    expect(preprocess('```python\nnn.LSTM(1, 2)\n```').trim()).toBe('nn.LSTM(1, 2)');
    expect(preprocess('`nn.LSTM(1, 2)`')).toBe('nn.LSTM(1, 2)');
    expect(preprocess('```nn.LSTM(1, 2)```').trim()).toBe('nn.LSTM(1, 2)');
  });
  it('undoes Slack HTML escaping and curly quotes', () => {
    expect(preprocess('a &lt; b &gt; c &amp;&amp; d')).toBe('a < b > c && d');
    expect(preprocess('RNN(nonlinearity=‘relu’, name=“x”)')).toBe(`RNN(nonlinearity='relu', name="x")`);
  });
  it('removes REPL prompts', () => {
    expect(preprocess('>>> nn.Linear(1, 2)')).toBe('nn.Linear(1, 2)');
  });
});

describe('tokenizer', () => {
  it('reads integers with underscores, floats, strings, names and operators', () => {
    const toks = tokenize(`x = 1_000 * 2.5e-1 + 'a' # comment\n`);
    expect(toks.map((t) => t.kind)).toEqual(['name', 'op', 'int', 'op', 'float', 'op', 'string', 'newline', 'eof']);
    expect(toks[2]?.int).toBe(1000n);
    expect(toks[4]?.float).toBe(0.25);
    expect(toks[6]?.text).toBe('a');
  });
  it('continues lines inside brackets and after a backslash', () => {
    const toks = tokenize('f(1,\n  2)\\\n + 3');
    expect(toks.filter((t) => t.kind === 'newline')).toHaveLength(1);
  });
  it('reads hex, octal and binary literals', () => {
    expect(value('0x10')).toEqual({ t: 'int', v: 16n });
    expect(value('0o10')).toEqual({ t: 'int', v: 8n });
    expect(value('0b1010')).toEqual({ t: 'int', v: 10n });
  });
});

describe('parser', () => {
  it('parses calls with positional and keyword arguments and attribute chains', () => {
    const e = firstExpr('tf.keras.layers.LSTM(64, return_sequences=True)') as CallExpr;
    expect(e.k).toBe('call');
    expect(dottedName(e.func)).toBe('tf.keras.layers.LSTM');
    expect(e.args).toHaveLength(1);
    expect(e.kwargs.map((k) => k.name)).toEqual(['return_sequences']);
  });
  it('parses assignments, several statements and model.add lines', () => {
    const m = parsePython(
      'model = Sequential()\nmodel.add(LSTM(8)); model.add(Dense(1))\nimport torch\nfrom torch import nn as N',
    );
    expect(m.body.map((s) => s.k)).toEqual(['assign', 'expr', 'expr', 'import', 'import']);
    const imp = m.body[4];
    expect(imp?.k === 'import' && imp.module).toBe('torch');
  });
  it('accepts a trailing `input=N` after a call on the same line', () => {
    const m = parsePython('flax.linen.LSTMCell(features=64) input=751');
    expect(m.body.map((s) => s.k)).toEqual(['expr', 'assign']);
  });
  it('parses tuples, lists, dicts, True/False/None', () => {
    expect(value('(1, 2)')).toEqual({
      t: 'seq',
      kind: 'tuple',
      items: [
        { t: 'int', v: 1n },
        { t: 'int', v: 2n },
      ],
    });
    expect(value('(3,)')).toEqual({ t: 'seq', kind: 'tuple', items: [{ t: 'int', v: 3n }] });
    expect(value('[None, True]')).toEqual({ t: 'seq', kind: 'list', items: [{ t: 'none' }, { t: 'bool', v: true }] });
    expect(value("{'a': 1}")).toEqual({
      t: 'dict',
      entries: [{ key: { t: 'str', v: 'a' }, value: { t: 'int', v: 1n } }],
    });
  });
});

describe('integer arithmetic', () => {
  it('follows Python precedence and semantics', () => {
    expect(value('64 * 28 * 28')).toEqual({ t: 'int', v: 50176n });
    expect(value('2 + 3 * 4')).toEqual({ t: 'int', v: 14n });
    expect(value('(2 + 3) * 4')).toEqual({ t: 'int', v: 20n });
    expect(value('2 ** 3 ** 2')).toEqual({ t: 'int', v: 512n });
    expect(value('-2 ** 2')).toEqual({ t: 'int', v: -4n });
    expect(value('2 ** -1')).toEqual({ t: 'float', v: 0.5 });
    expect(value('7 // 2')).toEqual({ t: 'int', v: 3n });
    expect(value('-7 // 2')).toEqual({ t: 'int', v: -4n });
    expect(value('-7 % 3')).toEqual({ t: 'int', v: 2n });
    expect(value('7 / 2')).toEqual({ t: 'float', v: 3.5 });
    expect(value('- - 5')).toEqual({ t: 'int', v: 5n });
  });
  it('keeps long flat chains iterative', () => {
    const src = Array.from({ length: 30_000 }, () => '1').join('+');
    expect(value(src)).toEqual({ t: 'int', v: 30_000n });
  });
  it('bounds results: 2**1000 is refused with a clear message', () => {
    expect(() => value('2**1000')).toThrow(/larger than the largest size/);
    expect(() => value('10**12 * 10')).toThrow(CodeError);
    expect(() => value('1 // 0')).toThrow(/divides by zero/);
  });
});

describe('refusals (friendly, never a throw or a stack overflow)', () => {
  it('unbalanced parentheses say where', () => {
    expect(errorOf('nn.LSTM(300, 512')).toMatch(/`\(` at line 1, column 8 is never closed/);
    expect(errorOf('nn.LSTM(300, 512))')).toMatch(/`\)` at line 1, column 18 closes nothing/);
    expect(errorOf('f(1, [2)')).toMatch(/does not match the `\[` opened at line 1, column 6/);
  });
  it('dunder names that reach Python internals are refused while reading', () => {
    expect(errorOf("__import__('os').system('id')")).toMatch(/__import__.*not allowed.*isn't a layer description/s);
    expect(errorOf('x.__subclasses__()')).toMatch(/double underscores/);
    expect(errorOf('x.__globals__')).toMatch(/double underscores/);
  });
  it('program statements parse into blocks by indentation', () => {
    const m = parsePython(
      'def f(a, b=2, *rest, **kw):\n  if a:\n    return a\n  elif b:\n    pass\n  else:\n    for i, x in enumerate(rest):\n      continue\nx = f(1)',
    );
    expect(m.body.map((s) => s.k)).toEqual(['def', 'assign']);
    const def = m.body[0];
    if (def?.k !== 'def') throw new Error('not a def');
    expect(def.params.map((p) => `${p.kind}:${p.name}`)).toEqual(['plain:a', 'plain:b', 'star:rest', 'dstar:kw']);
    expect(def.body[0]?.k).toBe('if');
    const cls = parsePython('@dataclass\nclass C(Base, metaclass=M):\n    "doc"\n    x: int = 3\n    y: int\n').body[0];
    expect(cls?.k === 'class' && cls.body.map((s) => s.k)).toEqual(['expr', 'assign', 'annotation']);
    const rest = parsePython(
      'with a as b:\n  pass\ntry:\n  x = 1\nexcept ValueError as e:\n  raise\nfinally:\n  pass\nwhile x < 3: x += 1',
    );
    expect(rest.body.map((s) => s.k)).toEqual(['with', 'try', 'while']);
  });
  it('expressions: comprehensions, lambda, conditionals, slices, f-strings', () => {
    for (const [src, kind] of [
      ['[x * 2 for x in range(3) if x]', 'comp'],
      ['{k: v for k, v in d.items()}', 'comp'],
      ['lambda a, b=1: a + b', 'lambda'],
      ['a if b else c', 'ifexp'],
      ['not a and b or c', 'bool'],
      ['1 < x <= 3', 'compare'],
      ['x[:, -1, ::2]', 'subscript'],
      ['f"layer{i}"', 'fstring'],
    ])
      expect(firstExpr(src as string).k, src).toBe(kind);
  });
  it('a function body that does not parse is kept, broken, and reported only when called', () => {
    const m = parsePython('def forward(self, x):\n    y = x + * 2\n    return y\nz = 1');
    const def = m.body[0];
    expect(def?.k === 'def' && def.broken).toMatch(/line 2/);
    expect(m.body[1]?.k).toBe('assign');
  });
  it('deep nesting is refused while tokenizing', () => {
    expect(errorOf('('.repeat(100_000))).toMatch(/nests brackets more than 64 deep/);
    expect(errorOf('nn.Sequential('.repeat(5_000) + ')'.repeat(5_000))).toMatch(/nests brackets more than 64 deep/);
    expect(errorOf('-'.repeat(50_000) + '1')).toMatch(/Too many signs/);
    expect(errorOf('a' + '.b'.repeat(30_000))).toMatch(/Too long a chain/);
    expect(errorOf('2' + '**2'.repeat(30_000))).toMatch(/Too long a chain of `\*\*`/);
  });
  it('over-long input', () => {
    expect(errorOf('x'.repeat(100_001))).toMatch(/at most 100,000/);
  });
  it('huge numbers, 1e309 and NaN', () => {
    expect(errorOf('9'.repeat(100_000))).toMatch(/100,000 digits; sizes have at most 13/);
    expect(errorOf('f(12345678901234)')).toMatch(/14 digits/);
    expect(errorOf('f(1e309)')).toMatch(/1e309.*infinity/);
    expect(errorOf('f(NaN)')).toMatch(/`NaN`.*is not a size/);
    expect(errorOf('f(inf)')).toMatch(/is not a size/);
  });
  it('each refusal gives an example of what to paste', () => {
    for (const src of ['f(', '__import__(1)', '1e309', '('.repeat(70)])
      expect(errorOf(src)).toMatch(/e\.g\. `nn\.LSTM\(/);
  });
  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const r = tryParsePython(s);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(
            '(',
            ')',
            '[',
            ']',
            '{',
            '}',
            ',',
            '=',
            '1',
            'x',
            '.',
            '*',
            '-',
            "'",
            '\n',
            ' ',
            'nn',
            'LSTM',
          ),
          { maxLength: 300 },
        ),
        (parts) => {
          const r = tryParsePython(parts.join(''));
          expect(typeof r.ok).toBe('boolean');
        },
      ),
      { numRuns: 500 },
    );
  });
});
