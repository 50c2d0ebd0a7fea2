// monaco-yaml's worker, re-exported from our own file so Vite bundles it as a module worker
// (see the monaco-yaml README, "Why doesn't it work with Vite?").
import 'monaco-yaml/yaml.worker.js';
