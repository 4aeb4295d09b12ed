const { isOlder, requiredNode } = require('../bootstrap.cjs') as {
  isOlder: (running: number[], required: number[]) => boolean;
  requiredNode: () => number[] | undefined;
};

describe('npm start’s Node version check', () => {
  it('reads the lowest version package.json’s engines allow', () => {
    expect(requiredNode()).toEqual([22, 12, 0]);
  });

  it('refuses an older Node and takes the same or a newer one', () => {
    expect(isOlder([20, 20, 2], [22, 12, 0])).toBe(true);
    expect(isOlder([22, 11, 9], [22, 12, 0])).toBe(true);
    expect(isOlder([22, 12, 0], [22, 12, 0])).toBe(false);
    expect(isOlder([22, 13, 0], [22, 12, 0])).toBe(false);
    expect(isOlder([24, 0, 0], [22, 12, 0])).toBe(false);
  });
});
