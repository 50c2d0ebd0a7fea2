import { lazy } from 'react';

// Monaco is large: the editors load only when a screen shows one.
export const LazyYamlEditor = lazy(() => import('../YamlEditor.tsx'));
export const LazyYamlDiffEditor = lazy(() => import('../YamlDiffEditor.tsx'));
