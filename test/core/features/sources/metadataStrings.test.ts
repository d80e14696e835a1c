import assert from 'node:assert/strict';
import { metadataStrings } from '../../../../src/core/features/sources/metadataStrings';

describe('features/sources/metadataStrings', () => {
  it('takes only length-prefixed, sentinel-terminated identifiers', () => {
    const bytes = Buffer.concat([
      Buffer.from([0x00, 10]),
      Buffer.from('vec_insert'),
      Buffer.from([0xc1, 0x05]),
      Buffer.from('wrong_length'),
      Buffer.from([0xc1, 8]),
      Buffer.from('no_sentl'),
      Buffer.from([0x00, 5]),
      Buffer.from('Upper'),
      Buffer.from([0xc1, 4]),
      Buffer.from('rust'),
      Buffer.from([0xc1]),
    ]);
    const found = new Set<string>();
    metadataStrings(bytes, found);
    assert.deepEqual([...found].sort(), ['rust', 'vec_insert']);
  });
});
