/** A timer trigger's event (config.json `triggers`), as CloudBase delivers it: `{ Type: 'Timer', TriggerName, Time }`. */
export function isTimerEvent(event: unknown): event is { Type: string; TriggerName: string } {
  if (!event || typeof event !== 'object') return false;
  const type = (event as Record<string, unknown>).Type;
  return typeof type === 'string' && type.toLowerCase() === 'timer';
}
