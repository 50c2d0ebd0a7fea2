import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef, useState, type RefObject } from 'react';

/**
 * One xterm.js terminal mounted in `host`, fitted to it whenever it changes size (the fit
 * addon computes columns and rows from the font; `onResize` then reports them).
 */
export function useXterm(host: RefObject<HTMLDivElement | null>): Terminal | undefined {
  const [terminal, setTerminal] = useState<Terminal>();
  const fitRef = useRef<FitAddon>(undefined);
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const term = new Terminal({
      cursorBlink: true,
      convertEol: false,
      fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
      fontSize: 13,
      scrollback: 5000,
    });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(element);
    fitRef.current = fit;
    const refit = () => {
      try {
        fit.fit();
      } catch {
        // not laid out yet (hidden tab): the next resize fits it
      }
    };
    refit();
    const observer = new ResizeObserver(refit);
    observer.observe(element);
    setTerminal(term);
    return () => {
      observer.disconnect();
      term.dispose();
      setTerminal(undefined);
    };
  }, [host]);
  return terminal;
}
