import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The build goes into the Python package, which `sealflow serve` serves at "/".
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "../src/sealflow/service/static",
    emptyOutDir: true,
    chunkSizeWarningLimit: 5000,
  },
  server: { proxy: { "/api": "http://127.0.0.1:8080" } },
});
