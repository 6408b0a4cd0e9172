// The run and test commands on a machine without Redis: a clear message naming the package to install.
import { MissingRedisError, resolveRedis } from "../scripts/infra/redis";

describe("resolveRedis", () => {
  const saved = { PATH: process.env.PATH, REDIS_URL: process.env.REDIS_URL };
  afterEach(() => {
    process.env.PATH = saved.PATH;
    process.env.REDIS_URL = saved.REDIS_URL;
  });

  it("names the package to install when there is no redis-server and no REDIS_URL", async () => {
    delete process.env.REDIS_URL;
    process.env.PATH = "/nonexistent";
    const attempt = resolveRedis("throwaway", () => {});
    await expect(attempt).rejects.toBeInstanceOf(MissingRedisError);
    await expect(attempt).rejects.toThrow(/apt-get install redis-server/);
  });

  it("uses REDIS_URL when it is set, without starting anything", async () => {
    process.env.REDIS_URL = "redis://example.invalid:6379";
    process.env.PATH = "/nonexistent";
    const redis = await resolveRedis("throwaway", () => {});
    expect(redis.url).toBe("redis://example.invalid:6379");
  });
});
