// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { applyMovedStyles, moveStyleAttributes } from './monacoStyleAttributes.ts';

describe('moving Monaco style attributes out of its HTML', () => {
  it('renames style attributes inside tags only, never in the text between them', () => {
    // A view line whose YAML text itself says style="…" (Monaco escapes < > & in text).
    const html =
      '<div class="cdr squiggly-error" style="left:17px;width:160px;"></div>' +
      '<div style=\'top:19px\' class="view-line"><span class="mtk1">a: style="x" &lt;b style="y"&gt;</span></div>';
    expect(moveStyleAttributes(html)).toBe(
      '<div class="cdr squiggly-error" data-cci-style="left:17px;width:160px;"></div>' +
        '<div data-cci-style=\'top:19px\' class="view-line"><span class="mtk1">a: style="x" &lt;b style="y"&gt;</span></div>',
    );
  });

  it('leaves HTML without style attributes and look-alike attributes alone', () => {
    const html = '<div data-style="a" class="x">style="left:1px"</div>';
    expect(moveStyleAttributes(html)).toBe(html);
  });

  it('applies the moved declarations through the CSSOM, !important included', () => {
    const host = document.createElement('div');
    host.innerHTML = moveStyleAttributes(
      '<div class="line-numbers" style="left:0px;width:42px;">1</div>' +
        '<div style="height:19px !important;">2</div>',
    );
    applyMovedStyles(host);
    const [numbers, second] = [...host.children] as HTMLElement[];
    expect(numbers?.style.width).toBe('42px');
    expect(numbers?.style.left).toBe('0px');
    expect(numbers?.hasAttribute('data-cci-style')).toBe(false);
    expect(second?.style.getPropertyValue('height')).toBe('19px');
    expect(second?.style.getPropertyPriority('height')).toBe('important');
  });
});
