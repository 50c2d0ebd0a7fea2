// Vite's `?raw` imports (the web has them from vite/client; @cci/model and the emulator do not).
declare module '*.yaml?raw' {
  const text: string;
  export default text;
}
