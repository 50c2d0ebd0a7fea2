import type { Locator, Page } from '@playwright/test';

/** The kind-specific parts of a details Overview: a pod's containers, a ConfigMap's/Secret's data. */
export class ObjectSections {
  readonly containers: Locator;
  readonly volumes: Locator;
  readonly data: Locator;

  constructor(readonly page: Page) {
    this.containers = page.getByRole('region', { name: 'Containers', exact: true });
    this.volumes = page.getByRole('region', { name: 'Volumes', exact: true });
    this.data = page.getByRole('region', { name: 'Data', exact: true });
  }

  container(name: string): Locator {
    return this.containers.getByRole('article', { name, exact: true });
  }

  dataEntry(key: string): Locator {
    return this.data.getByRole('article', { name: key, exact: true });
  }

  reveal(key: string): Locator {
    return this.dataEntry(key).getByRole('button', { name: `Reveal ${key}` });
  }

  /** The YAML tab's switch that shows a Secret's values. */
  revealInYaml(): Locator {
    return this.page.getByRole('switch', { name: 'Show Secret values' });
  }
}
