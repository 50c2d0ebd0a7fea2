// The POSIX sh subset the emulated containers understand: words with '…', "…", \ and $VAR /
// ${VAR} / $?, `;` `&&` `||` `|`, new lines, `#` comments, and the redirections > >> < 2> 2>>
// 2>&1 >&2. No globbing, no control structures (`if`, `for` are commands that are not found).

/** A piece of a word; `expand` pieces get $-expansion when the command runs. */
export interface WordPart {
  text: string;
  expand: boolean;
}
export type Word = WordPart[];

export type RedirectOp = '>' | '>>' | '<' | '2>' | '2>>' | '2>&1' | '>&2';
export interface Redirect {
  op: RedirectOp;
  target: Word | undefined;
}

export interface SimpleCommand {
  words: Word[];
  redirects: Redirect[];
}
export type Pipeline = SimpleCommand[];
export interface AndOr {
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
}
export type Script = AndOr[];

export class ShellSyntaxError extends Error {}

type Token = { type: 'word'; word: Word } | { type: 'op'; value: string };

const redirectOps: RedirectOp[] = ['2>&1', '2>>', '>&2', '>>', '2>', '>', '<'];
const controlOps = ['&&', '||', '|', ';', '\n', '&'];
const operators = [...redirectOps, ...controlOps];
/** A run of characters with no special meaning, taken at once (scripts may be megabytes). */
const plainRun = /[^\s'"\\&|;<>]+/y;

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let word: Word | undefined;
  const push = (text: string, expand: boolean) => {
    word ??= [];
    const last = word[word.length - 1];
    if (last && last.expand === expand) last.text += text;
    else word.push({ text, expand });
  };
  const endWord = () => {
    if (word) tokens.push({ type: 'word', word });
    word = undefined;
  };
  let i = 0;
  while (i < source.length) {
    const c = source[i] as string;
    if (c === '#' && word === undefined) {
      while (i < source.length && source[i] !== '\n') i++;
      continue;
    }
    const op = operators.find((o) => source.startsWith(o, i));
    // `2>` redirects only at the start of a word (`a2>f` is the word a2, then `>`).
    if (op && !(op.startsWith('2') && word !== undefined)) {
      endWord();
      tokens.push({ type: 'op', value: op });
      i += op.length;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      endWord();
      i++;
    } else if (c === "'") {
      const end = source.indexOf("'", i + 1);
      if (end < 0) throw new ShellSyntaxError('Unterminated quoted string');
      push(source.slice(i + 1, end), false);
      i = end + 1;
    } else if (c === '"') {
      i++;
      let text = '';
      while (i < source.length && source[i] !== '"') {
        if (source[i] === '\\' && '"\\$`'.includes(source[i + 1] ?? '')) {
          // An escaped `$` stays literal: mark it so expansion leaves it alone.
          if (source[i + 1] === '$') {
            push(text, true);
            push('$', false);
            text = '';
          } else text += source[i + 1];
          i += 2;
        } else text += source[i++];
      }
      if (i >= source.length) throw new ShellSyntaxError('Unterminated quoted string');
      push(text, true);
      i++;
    } else if (c === '\\') {
      if (source[i + 1] === '\n') i += 2;
      else {
        push(source[i + 1] ?? '', false);
        i += 2;
      }
    } else {
      plainRun.lastIndex = i;
      const run = plainRun.exec(source)?.[0] ?? c;
      push(run, true);
      i += run.length;
    }
  }
  endWord();
  return tokens;
}

/** Parses a script; throws ShellSyntaxError as sh would report it. */
export function parseScript(source: string): Script {
  const tokens = tokenize(source);
  const script: Script = [];
  let pos = 0;
  const peek = () => tokens[pos];
  const unexpected = (t: Token | undefined) =>
    new ShellSyntaxError(
      `syntax error: unexpected ${t ? (t.type === 'op' ? `"${t.value === '\n' ? 'newline' : t.value}"` : 'word') : 'end of file'}`,
    );

  const command = (): SimpleCommand => {
    const cmd: SimpleCommand = { words: [], redirects: [] };
    for (let t = peek(); t; t = peek()) {
      if (t.type === 'word') {
        cmd.words.push(t.word);
        pos++;
      } else if (redirectOps.includes(t.value as RedirectOp)) {
        pos++;
        const op = t.value as RedirectOp;
        if (op === '2>&1' || op === '>&2') {
          cmd.redirects.push({ op, target: undefined });
          continue;
        }
        const target = peek();
        if (target?.type !== 'word') throw unexpected(target);
        pos++;
        cmd.redirects.push({ op, target: target.word });
      } else break;
    }
    if (cmd.words.length === 0 && cmd.redirects.length === 0) throw unexpected(peek());
    return cmd;
  };
  const pipeline = (): Pipeline => {
    const cmds = [command()];
    while (peek()?.type === 'op' && (peek() as { value: string }).value === '|') {
      pos++;
      cmds.push(command());
    }
    return cmds;
  };
  const isSeparator = (t: Token | undefined) =>
    t?.type === 'op' && (t.value === ';' || t.value === '\n' || t.value === '&');

  while (pos < tokens.length) {
    if (isSeparator(peek())) {
      if ((peek() as { value: string }).value !== '\n') throw unexpected(peek());
      pos++;
      continue;
    }
    const entry: AndOr = { first: pipeline(), rest: [] };
    for (let t = peek(); t?.type === 'op' && (t.value === '&&' || t.value === '||'); t = peek()) {
      pos++;
      while (peek()?.type === 'op' && (peek() as { value: string }).value === '\n') pos++;
      entry.rest.push({ op: t.value as '&&' | '||', pipeline: pipeline() });
    }
    script.push(entry);
    const next = peek();
    if (next === undefined) break;
    if (!isSeparator(next)) throw unexpected(next);
    pos++;
  }
  return script;
}

/** Expands $NAME, ${NAME} and $? in the expandable parts of a word. */
export function expandWord(word: Word, vars: (name: string) => string | undefined): string {
  return word
    .map((part) =>
      part.expand
        ? part.text.replace(
            /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*)|(\?))/g,
            (
              _m,
              braced: string | undefined,
              plain: string | undefined,
              status: string | undefined,
            ) => vars(braced ?? plain ?? status ?? '') ?? '',
          )
        : part.text,
    )
    .join('');
}
