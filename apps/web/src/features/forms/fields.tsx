/** Inputs bound to a path of the form's object: reading it, writing it, showing its findings. */
import { NumberInput, Select, Text, Textarea, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import type { FormModel } from './formModel.tsx';
import type { Path } from './objectPath.ts';

interface FieldProps {
  form: FormModel;
  path: Path;
  label: string;
  description?: ReactNode;
  placeholder?: string;
  /** Where the field's findings come from, when not its own path (a whole container ...). */
  errorPath?: Path;
  disabled?: boolean;
}

/** A string field; an empty input removes the key (the field is optional). */
export function TextField({ form, path, errorPath, ...props }: FieldProps) {
  const value = form.get(path);
  return (
    <TextInput
      {...props}
      value={typeof value === 'string' || typeof value === 'number' ? String(value) : ''}
      onChange={(e) =>
        form.set(path, e.currentTarget.value === '' ? undefined : e.currentTarget.value)
      }
      error={form.errorAt(errorPath ?? path)}
    />
  );
}

/** A whole number; empty removes the key (the server's default applies). */
export function NumberField({
  form,
  path,
  errorPath,
  min,
  max,
  ...props
}: FieldProps & { min?: number; max?: number }) {
  const value = form.get(path);
  return (
    <NumberInput
      {...props}
      min={min}
      max={max}
      allowDecimal={false}
      value={typeof value === 'number' || typeof value === 'string' ? value : ''}
      onChange={(v) => form.set(path, v === '' ? undefined : typeof v === 'number' ? v : Number(v))}
      error={form.errorAt(errorPath ?? path)}
    />
  );
}

/** A string or a number (ports by number or name, maxSurge as a count or a percentage). */
export function IntOrStringField({ form, path, errorPath, ...props }: FieldProps) {
  const value = form.get(path);
  return (
    <TextInput
      {...props}
      value={typeof value === 'string' || typeof value === 'number' ? String(value) : ''}
      onChange={(e) => {
        const text = e.currentTarget.value.trim();
        form.set(path, text === '' ? undefined : /^\d+$/.test(text) ? Number(text) : text);
      }}
      error={form.errorAt(errorPath ?? path)}
    />
  );
}

export function SelectField({
  form,
  path,
  errorPath,
  data,
  clearable = false,
  ...props
}: FieldProps & { data: { value: string; label: string }[] | string[]; clearable?: boolean }) {
  const value = form.get(path);
  return (
    <Select
      {...props}
      data={data}
      value={typeof value === 'string' ? value : null}
      clearable={clearable}
      allowDeselect={clearable}
      onChange={(v) => form.set(path, v ?? undefined)}
      error={form.errorAt(errorPath ?? path)}
    />
  );
}

/** A list of strings, one per line (command, args: executable first, then its arguments). */
export function LinesField({ form, path, errorPath, ...props }: FieldProps) {
  const value = form.get(path);
  const lines = Array.isArray(value) ? value.map(String) : [];
  return (
    <Textarea
      {...props}
      autosize
      minRows={1}
      value={lines.join('\n')}
      onChange={(e) => {
        const text = e.currentTarget.value;
        form.set(path, text === '' ? undefined : text.split('\n'));
      }}
      error={form.errorAt(errorPath ?? path)}
    />
  );
}

/** The warnings and notes of a path (the effective pod size ...). */
export function FieldNotes({ form, path }: { form: FormModel; path: Path }) {
  return form.notesAt(path).map((note) => (
    <Text key={note} size="xs" c="dimmed">
      {note}
    </Text>
  ));
}
