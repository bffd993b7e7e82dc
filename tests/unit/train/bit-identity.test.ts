/**
 * Bit-identity guard for engine speed-ups: the family recipe trained 4 steps (seed 1, the first 640
 * Fashion-MNIST images) must give the same losses and the same weights, bit for bit, as the engine
 * of main 29752b6 that trained the family runs (values recorded with that code, before any change).
 * A run resumed from a checkpoint continues a run trained by the earlier code; CI replays committed
 * steps: a change of summation order or precision anywhere on the training path fails here.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFashionMnist } from '~/cli/fashion-mnist-files.ts';
import { limitSet, type ImageSet } from '~/lib/data/fashion-mnist.ts';
import { fingerprint, type Fingerprint } from './bit-identity.ts';

const EXPECTED: Record<string, Fingerprint> = {
  tiny_efficientnet_b1: {
    losses: ['4003b292887d6e88', '400239ab971e24c9', '400299c92a0cfac4', '4001b00f6feea20f'],
    weights: '19c073d6c419bbcc7ec0fd59da6803b84f1e1105757b709b48ced901bd524400',
  },
  tiny_efficientnet_b0_res2: {
    losses: ['40029ddace0e42df', '400374925e2fe535', '400220bf6ba29ecd', '4001eb5934ae9434'],
    weights: '5bbbfa21c8bbc00c9e56e9f135be5519bf18db04b698a7090dfaadfc2464a0f7',
  },
  tiny_mobilenetv2: {
    losses: ['4003e4d34884b871', '400415d2f5b3537a', '400285429fbd5d6d', '4003745065520dab'],
    weights: 'bc2b327782d8010e1261afd75c594760d8471977918b719d5f93fc11601c3810',
  },
  tiny_mobilenetv3: {
    losses: ['40031432f1071585', '40036b80821f2a73', '40029026fd038ad1', '4001c47dc9221782'],
    weights: 'f6e5b11e9bc10dd027599e94de917f7043ba1faf2d55848d15eed1ea4819eff6',
  },
  tiny_vit: {
    losses: ['40039d81d2dad038', '4004a0cd0fdd07a1', '4004019dda5fabf9', '4001cd12d4745662'],
    weights: 'bf137348cf9945a3e00b6a4ea8effa9a950975db28b2c170b7dea09307765bc6',
  },
  tiny_plain: {
    losses: ['4002f1e337ac4856', '4002274ad2355432', '400140e73a2936cc', '40003b5a40fd8efa'],
    weights: 'e7445ecc4dd4d5da319c6bd5ad7548b2cd761d3e4fc35417b7318df257d3d57d',
  },
};

let data: ImageSet;
beforeAll(() => {
  data = limitSet(loadFashionMnist('train'), 640);
});

describe('training steps are bit-identical to the recorded ones', () => {
  for (const [id, want] of Object.entries(EXPECTED)) {
    it(
      id,
      () => {
        expect(fingerprint(id, data, want.losses.length)).toEqual(want);
      },
      300_000,
    );
  }
  it("tiny_mobilenetv3 without buffer reuse (the browser playground's path)", () => {
    expect(fingerprint('tiny_mobilenetv3', data, EXPECTED.tiny_mobilenetv3.losses.length, false)).toEqual(
      EXPECTED.tiny_mobilenetv3,
    );
  }, 300_000);
});
