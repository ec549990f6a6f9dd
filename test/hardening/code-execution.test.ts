// Pasted Python that tries to run something is refused with an error answer — never counted around,
// never evaluated — whether it comes alone, inside a layer's arguments or after a valid layer.
import { describe, expect, it } from 'vitest';
import { answerAndCheck } from './check.js';

const ATTEMPTS = [
  "__import__('os').system('id')",
  "__import__('subprocess').check_output(['id'])",
  "eval('nn.LSTM(1, 2)')",
  "eval(compile('1', 'x', 'eval'))",
  'exec(\'import os; os.system("id")\')',
  "exec(open('/etc/passwd').read())",
  "open('/etc/passwd')",
  "open('/etc/passwd').read()",
  "print(open('/etc/passwd').read())",
  "getattr(__import__('os'), 'system')('id')",
  "setattr(nn, 'LSTM', 1)",
  "globals()['os']",
  'vars()',
  'breakpoint()',
  'input()',
  'import os\nos.system("id")',
  'from os import system\nsystem("id")',
  "import subprocess; subprocess.run(['id'])",
  "os.system('id')",
  '(lambda: 1)()',
  'x = nn.LSTM(10, 20).__class__',
  'nn.LSTM.__init__.__globals__',
  'x = nn.LSTM.__subclasses__()',
  '().__class__.__base__.__subclasses__()',
  "nn.LSTM(10, 20).__getattribute__('x')",
  'x = __builtins__',
  "__builtins__.__dict__['eval']('1')",
  "nn.LSTM(10, 20).forward(__import__('os'))",
  'class A:\n    pass',
  'while True:\n    pass',
  '[x for x in range(10**9)]',
  "'a' * 10**9",
];

/** The same, smuggled into a layer's arguments or after a layer that alone would count. */
const SMUGGLED = [
  "nn.LSTM(eval('10'), 20)",
  "nn.LSTM(int(open('/etc/passwd').read()), 20)",
  "nn.LSTM(getattr(os, 'system')('id'), 20)",
  "nn.LSTM(input_size=getattr(nn, 'x'), hidden_size=20)",
  "nn.LSTM(10, 20)\n__import__('os').system('id')",
  "nn.LSTM(10, 20)\nexec('import os')",
  "nn.LSTM(10, 20); os.system('id')",
  "model.add(LSTM(64, input_shape=(10, 32)))\nopen('/etc/passwd')",
  'self.lstm = nn.LSTM(10, 20)\nself.__dict__',
  'nn.LSTM(10, 20)\ndel nn',
];

describe('Python that tries to run is refused', () => {
  for (const code of [...ATTEMPTS, ...SMUGGLED]) {
    it(JSON.stringify(code), () => {
      for (const opts of [{}, { command: '/params' }, { command: '/lstm' }]) {
        const { answer } = answerAndCheck(code, opts);
        expect(answer.kind, `${JSON.stringify(opts)} counted it`).toBe('error');
        if (answer.kind === 'error') expect(answer.message).toMatch(/e\.g\. `/);
      }
    });
  }

  it('says why: it never runs code, and names what it refused', () => {
    const imp = answerAndCheck("__import__('os').system('id')").answer;
    expect(imp.kind === 'error' && imp.message).toMatch(/`__import__`.*double underscores.*never run code/);
    const ev = answerAndCheck("nn.LSTM(eval('10'), 20)").answer;
    expect(ev.kind === 'error' && ev.message).toMatch(/`eval`.*never run code/);
    const sub = answerAndCheck('x = nn.LSTM.__subclasses__()').answer;
    expect(sub.kind === 'error' && sub.message).toMatch(/`__subclasses__`.*double underscores/);
  });

  it('plain Python that builds layers is followed symbolically (nothing runs), not refused', () => {
    const cases: [string, bigint][] = [
      ["getattr(nn, 'LSTM')(10, 20)", 2560n],
      ['(lambda: nn.LSTM(1, 2))()', 40n],
      ['def f():\n    return nn.LSTM(1, 2)\nmodel = f()', 40n],
      ['nn.LSTM((lambda: 10)(), 20)', 2560n],
      ['nn.LSTM(10, 20)\nf = lambda x: x', 2560n],
      ['m = nn.Sequential(*map(lambda i: nn.Linear(i, i), range(1, 3)))', 2n + 6n],
    ];
    for (const [code, total] of cases) {
      const { answer } = answerAndCheck(code);
      expect(answer.kind, code).toBe('count');
      if (answer.kind === 'count') expect(answer.model.total, code).toBe(total);
    }
  });

  it('comments and strings that merely mention such calls are harmless', () => {
    const { answer } = answerAndCheck("nn.LSTM(10, 20)  # eval('x'); __import__('os')");
    expect(answer.kind).toBe('count');
    if (answer.kind === 'count') expect(answer.model.total).toBe(2560n);
  });
});
