// A whole stack and a browser on 2 cores: each scenario step waits on real workflows.
jest.setTimeout(300_000);
