import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['extension/src/**/*.test.ts', 'host/Ui/Client/**/*.test.ts'],
    environment: 'node',
    restoreMocks: true,
  },
});
