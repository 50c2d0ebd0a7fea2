import { Box, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ansiSegments } from './ansi.ts';
import { highlight, podColour, type LogLine } from './logModel.ts';

interface Props {
  lines: readonly LogLine[];
  /** How many of `lines` to show (fewer while paused). */
  count: number;
  version: number;
  timestamps: boolean;
  wrap: boolean;
  query: string;
  /** The line of the current match, scrolled to and marked. */
  current: number | undefined;
  /** Keep the end in view as lines arrive. */
  stickToEnd: boolean;
  /** Bumped to jump to the end once. */
  jump: number;
}

const LINE_HEIGHT = 20;

/** The log, virtualized: only the lines in view are in the DOM, so 100,000 lines scroll. */
export function LogLines(p: Props) {
  const { t } = useTranslation();
  const parent = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: p.count,
    getScrollElement: () => parent.current,
    estimateSize: () => LINE_HEIGHT,
    overscan: 20,
  });
  useEffect(() => {
    if (p.stickToEnd && p.count > 0) virtualizer.scrollToIndex(p.count - 1, { align: 'end' });
  }, [p.count, p.version, p.stickToEnd, virtualizer]);
  useEffect(() => {
    if (p.jump > 0 && p.count > 0) virtualizer.scrollToIndex(p.count - 1, { align: 'end' });
    // only a new jump request moves the view
  }, [p.jump]);
  useEffect(() => {
    if (p.current !== undefined) virtualizer.scrollToIndex(p.current, { align: 'center' });
  }, [p.current, virtualizer]);

  return (
    <Box
      ref={parent}
      role="log"
      aria-label={t('logs.region')}
      tabIndex={0}
      h="60vh"
      bg="dark.8"
      c="gray.2"
      ff="monospace"
      fz="xs"
      style={{ overflow: 'auto', borderRadius: 4 }}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const line = p.lines[item.index];
          if (!line) return null;
          return (
            <div
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                width: '100%',
                transform: `translateY(${item.start}px)`,
                whiteSpace: p.wrap ? 'pre-wrap' : 'pre',
                wordBreak: p.wrap ? 'break-all' : undefined,
                padding: '0 8px',
                lineHeight: `${LINE_HEIGHT}px`,
                background: item.index === p.current ? 'rgba(255, 200, 0, 0.15)' : undefined,
              }}
            >
              <Line line={line} timestamps={p.timestamps} query={p.query} />
            </div>
          );
        })}
      </div>
    </Box>
  );
}

const Line = memo(function Line(p: { line: LogLine; timestamps: boolean; query: string }) {
  const { line } = p;
  return (
    <>
      {line.pod && (
        <Text span c={`${podColour(line.pod)}.4`} fz="inherit" ff="inherit" mr={8}>
          {line.pod}
        </Text>
      )}
      {p.timestamps && line.stamp && (
        <Text span c="dimmed" fz="inherit" ff="inherit" mr={8}>
          {line.stamp}
        </Text>
      )}
      {ansiSegments(line.text).map((segment, i) => (
        <span
          key={i}
          style={{
            color: segment.color,
            background: segment.background,
            fontWeight: segment.bold ? 700 : undefined,
            fontStyle: segment.italic ? 'italic' : undefined,
            textDecoration: segment.underline ? 'underline' : undefined,
          }}
        >
          {highlight(segment.text, p.query).map((piece, j) =>
            piece.match ? <mark key={j}>{piece.text}</mark> : piece.text,
          )}
        </span>
      ))}
    </>
  );
});
