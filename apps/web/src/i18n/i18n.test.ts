// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { currentLanguage, loadNamespaces, setLanguage, startI18n } from './i18n.ts';

// The app's own start: nothing preloaded, catalogs downloaded by language and namespace.
describe('on-demand catalogs', () => {
  beforeEach(() => localStorage.setItem('cci.language', 'en'));

  it('start with the startup namespaces of the stored language only', async () => {
    const i18n = await startI18n();
    expect(currentLanguage()).toBe('en');
    expect(i18n.t('login.submit')).toBe('Sign in');
    expect(i18n.t('session.resumed')).toBe('Signed in again.');
    expect(i18n.t('metrics.tab')).toBe('metrics.tab'); // not downloaded yet
    expect(i18n.hasResourceBundle('zh-CN', 'translation')).toBe(false);
  });

  it('add a namespace when a screen asks for it', async () => {
    const i18n = await startI18n();
    await loadNamespaces('actions');
    expect(i18n.t('actions.delete')).not.toBe('actions.delete');
  });

  it('switch language only once every namespace in use is there in the new one', async () => {
    const i18n = await startI18n();
    await loadNamespaces('nsWizard');
    const english = i18n.t('nsWizard.createButton');
    await setLanguage('zh-CN');
    expect(currentLanguage()).toBe('zh-CN');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(localStorage.getItem('cci.language')).toBe('zh-CN');
    expect(i18n.t('login.submit')).toBe('登录');
    const chinese = i18n.t('nsWizard.createButton');
    expect(chinese).not.toBe('nsWizard.createButton');
    expect(chinese).not.toBe(english);
    expect(i18n.t('list.count', { count: 3 })).toBe('共 3 项');
    await setLanguage('en');
    expect(i18n.t('nsWizard.createButton')).toBe(english);
  });
});
