import { describe, expect, it } from 'vitest';
import { adminUrl, templateDatabaseName } from './postgres-admin.js';

describe('the PostgreSQL test template', () => {
  it('is named per run, so that two runs on one server never drop each other’s template', () => {
    const names = new Set(Array.from({ length: 20 }, () => templateDatabaseName()));
    expect(names.size).toBe(20);
    for (const name of names) expect(name).toMatch(/^hmg_test_template_[0-9a-f]{12}$/);
  });

  it('is reached through the same server as the run’s DATABASE_URL', () => {
    expect(adminUrl('postgres://u@127.0.0.1:5432/app?sslmode=disable', 'x')).toBe('postgres://u@127.0.0.1:5432/x?sslmode=disable');
  });
});
