import {
  redactUrl,
  displayWidth,
  formatDemoAccounts,
  formatReadyBanner,
  formatTable,
  PrefixedOutput,
} from './stack-output';

describe('displayWidth', () => {
  it('counts CJK characters as two columns', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('督办员')).toBe(6);
    expect(displayWidth('处室 A')).toBe(6);
  });
});

describe('formatTable', () => {
  it('aligns columns with mixed Chinese and Latin text', () => {
    expect(
      formatTable(
        ['user', 'name'],
        [
          ['coordinator', '王芳'],
          ['a', '欧阳建国'],
        ],
      ),
    ).toEqual([
      'user         name',
      '-----------  --------',
      'coordinator  王芳',
      'a            欧阳建国',
    ]);
  });
});

describe('formatDemoAccounts', () => {
  it('shows each account with Chinese role labels and the password once', () => {
    const lines = formatDemoAccounts(
      [
        {
          username: 'coordinator',
          displayName: '王芳',
          roles: ['coordinator'],
          departmentName: '办公室',
        },
        {
          username: 'zlglc.head',
          displayName: '周海涛',
          roles: ['head', 'staff'],
          departmentName: '专利管理处',
        },
      ],
      'Kp7m-x3Tq-9vWz',
    );
    expect(lines[0]).toContain('Kp7m-x3Tq-9vWz');
    expect(lines.join('\n')).toMatch(/coordinator\s+王芳\s+督办员\s+办公室/);
    expect(lines.join('\n')).toMatch(/zlglc\.head\s+周海涛\s+处室负责人、承办人\s+专利管理处/);
    expect(lines.at(-1)).toMatch(/not stored/);
  });
});

describe('formatReadyBanner', () => {
  it('lists the API, its OpenAPI docs, the Temporal UI and what to read next', () => {
    const text = formatReadyBanner({
      apiUrl: 'http://127.0.0.1:3000/api',
      temporalUi: 'http://127.0.0.1:8233',
      dataDir: '/repo/.data',
      demoAccountsListed: true,
      readmeSection: 'README.md, "Try it"',
    }).join('\n');
    expect(text).toContain('API          http://127.0.0.1:3000/api');
    expect(text).toContain('OpenAPI      http://127.0.0.1:3000/api/docs');
    expect(text).toContain('Temporal UI  http://127.0.0.1:8233');
    expect(text).toContain('Sign in      with a demo account listed above');
    expect(text).toContain('Next: README.md, "Try it"');
  });
});

describe('PrefixedOutput', () => {
  it('prefixes every line with the padded process name', () => {
    const written: string[] = [];
    const out = new PrefixedOutput(['api', 'postgres'], false, (t) => written.push(t));
    out.logger('api')('listening');
    out.logger('postgres')('ready');
    expect(written).toEqual(['api      | listening\n', 'postgres | ready\n']);
  });

  it('colours the prefix only when asked', () => {
    const written: string[] = [];
    new PrefixedOutput(['api'], true, (t) => written.push(t)).logger('api')('x');
    const esc = String.fromCharCode(27);
    expect(written[0]).toBe(`${esc}[36mapi | ${esc}[0mx\n`);
  });
});

describe('redactUrl', () => {
  it('hides the password of a connection URL', () => {
    expect(redactUrl('postgres://postgres:secret@127.0.0.1:54329/workpoints')).toBe(
      'postgres://postgres:***@127.0.0.1:54329/workpoints',
    );
    expect(redactUrl('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
  });
});
