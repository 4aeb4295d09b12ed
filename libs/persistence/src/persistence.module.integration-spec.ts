import { Injectable } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { InjectRepository } from '@nestjs/typeorm';
import { ConfigModule, loadConfig } from '@workpoints/config';
// Test helpers are a test-only dependency; the tag rules have no test-file exception yet.
import { createTestDatabase, type TestDatabase } from '@workpoints/testing';
import { DataSource, type Repository } from 'typeorm';
import { DepartmentEntity } from './entities';
import { runMigrations } from './migrate';
import { PersistenceModule } from './persistence.module';

@Injectable()
class DepartmentsProbe {
  constructor(
    @InjectRepository(DepartmentEntity) readonly departments: Repository<DepartmentEntity>,
  ) {}
}

describe('PersistenceModule', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('wp_module');
    await runMigrations(db.url);
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('connects with the configured URL and provides repositories and the DataSource', async () => {
    const config = loadConfig({
      DATABASE_URL: db.url,
      REDIS_URL: 'redis://127.0.0.1:6379',
      JWT_SECRET: 'x'.repeat(32),
    });
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(config), PersistenceModule],
      providers: [DepartmentsProbe],
    }).compile();
    const app = await moduleRef.init();
    try {
      const probe = app.get(DepartmentsProbe);
      await probe.departments.save({ code: 'bgs', name: '办公室', kind: 'division' });

      const dataSource = app.get(DataSource);
      expect(dataSource.isInitialized).toBe(true);
      expect(dataSource.options).toMatchObject({ synchronize: false, migrationsRun: false });
      expect(await dataSource.getRepository(DepartmentEntity).countBy({ code: 'bgs' })).toBe(1);
    } finally {
      await app.close();
    }
  });
});
