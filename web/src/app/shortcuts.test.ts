import { describe, expect, it } from 'vitest';
import { shortcutOf, type KeyLike } from './shortcuts';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('shortcutOf', () => {
  it('undoes with Ctrl/Cmd+Z, redoes with Shift+Ctrl+Z or Ctrl+Y', () => {
    expect(shortcutOf(key('z', { ctrlKey: true }))).toBe('undo');
    expect(shortcutOf(key('z', { metaKey: true }))).toBe('undo');
    expect(shortcutOf(key('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(shortcutOf(key('y', { ctrlKey: true }))).toBe('redo');
  });

  it('hides with Delete, clears with Escape, and leaves plain letters alone', () => {
    expect(shortcutOf(key('Delete'))).toBe('hide');
    expect(shortcutOf(key('Backspace'))).toBe('hide');
    expect(shortcutOf(key('Escape'))).toBe('escape');
    expect(shortcutOf(key('f'))).toBe('fit');
    expect(shortcutOf(key('z'))).toBeNull();
    expect(shortcutOf(key('Delete', { ctrlKey: true }))).toBeNull();
  });

  it('leaves keys typed into a field to the field', () => {
    expect(shortcutOf(key('z', { ctrlKey: true, targetTag: 'INPUT' }))).toBeNull();
    expect(shortcutOf(key('Delete', { targetTag: 'TEXTAREA' }))).toBeNull();
    expect(shortcutOf(key('Escape', { targetEditable: true }))).toBeNull();
  });
});
