import { expect, test } from '@playwright/test';
import { signInToDemoNamespace } from '../pages/session.ts';
import { SnapshotsPage } from '../pages/SnapshotsPage.ts';

// A build takes 30 s of emulated time per image, and the BFF polls snapshots (S4).
test.describe.configure({ timeout: 180_000 });

test('S1 S2 S4 S6 create a snapshot: Creating, then Available live; delete it', async ({
  page,
}) => {
  const frame = await signInToDemoNamespace(page);
  await frame.open('imagesnapshots');
  const snapshots = new SnapshotsPage(page);
  await snapshots.openCreateFromList();

  const name = `e2e-snap-${Date.now().toString(36)}`;
  await snapshots.fillName(name);
  await snapshots.fillImage(0, 'nginx:alpine');
  await snapshots.addRegistry(0, 'https://registry.example.com', 'robot', 's3cret-pass');
  await expect(
    page.getByText('without http:// or https://', { exact: false }).first(),
  ).toBeVisible();
  await expect(snapshots.createButton).toBeDisabled();
  await snapshots.registryServer(0).fill('registry.example.com');
  const yaml = snapshots.yaml;
  await expect(yaml).toContainText('server: registry.example.com');
  await expect(yaml).not.toContainText('s3cret-pass');
  await snapshots.createButton.click();

  await expect(page).toHaveURL(/\/manage\/imagesnapshots/);
  await expect(snapshots.card(name)).toHaveAttribute('data-phase', /Creating|Pending/, {
    timeout: 30_000,
  });
  await expect(snapshots.card(name)).toHaveAttribute('data-phase', 'Available', {
    timeout: 120_000,
  });
  await expect(page.locator('body')).not.toContainText('s3cret-pass');

  await snapshots.delete(name);
  await expect(snapshots.card(name)).toHaveCount(0, { timeout: 60_000 });
});
