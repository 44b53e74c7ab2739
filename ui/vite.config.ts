import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The same build serves the desktop window (Tauri loads dist/ from the binary)
// and, later, browser participants (served by the hub).
export default defineConfig({
  plugins: [react()],
  base: './',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
  test: { environment: 'node', include: ['src/**/*.test.{ts,tsx}'] },
});
