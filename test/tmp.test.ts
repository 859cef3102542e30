import { it } from 'vitest';
import { buildMaskTable } from '../src/core/mask/mask-table.js';
import { MaskScanner } from '../src/core/mask/scanner.js';
it('x', () => {
  const t = buildMaskTable([{ text: 'b', wholeWord: false }, { text: 'a', wholeWord: false }, { text: 'b-b', wholeWord: true }]);
  console.log(t.automaton.stateCount, [...t.automaton.depth], [...t.automaton.own], [...t.automaton.outputLink], [...t.anyLength], [...t.wordHead]);
  const s = new MaskScanner(t, Buffer.from('*'));
  console.log(Buffer.concat([...s.push(Buffer.from('ab-b')), ...s.end()]).toString());
});
