import { serverPorts } from './temporal-postgres';

describe("the Temporal server's ports", () => {
  it('takes gRPC ports from the kernel and membership ports below 32768, as the server stores those in a smallint', async () => {
    let next = 45_000; // where the kernel's ephemeral range would hand them out
    const ports = await serverPorts(async () => next++);
    expect([ports.frontend, ports.frontendHttp, ports.history, ports.matching, ports.worker]).toEqual([
      45_000, 45_001, 45_002, 45_003, 45_004,
    ]);
    const membership = [ports.frontendMembership, ports.historyMembership, ports.matchingMembership, ports.workerMembership];
    for (const p of membership) expect(p).toBeLessThan(32_768);
    expect(new Set(membership).size).toBe(4);
  });
});
