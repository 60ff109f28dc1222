/**
 * MQTT_TOPICS entries are topic templates: `plants/{plant}/lines/{line}/events`. The subscription
 * filter replaces each {name} with `+`; a received topic yields the named segments' values.
 */
export interface TopicTemplate {
  template: string;
  filter: string;
  match(topic: string): Record<string, string> | undefined;
}

const PLACEHOLDER = /^\{([a-z_]+)\}$/;
export const TOPIC_FIELDS = ['plant', 'line', 'asset'] as const;

export function parseTopicTemplate(template: string): TopicTemplate {
  const segments = template.split('/');
  const names = segments.map((s) => PLACEHOLDER.exec(s)?.[1]);
  for (const n of names) {
    if (n && !(TOPIC_FIELDS as readonly string[]).includes(n)) {
      throw new Error(
        `MQTT_TOPICS: {${n}} in "${template}" is not a field a topic can carry (allowed: ${TOPIC_FIELDS.map((f) => `{${f}}`).join(', ')})`,
      );
    }
  }
  const filter = segments.map((s, i) => (names[i] ? '+' : s)).join('/');
  return {
    template,
    filter,
    match(topic) {
      const parts = topic.split('/');
      const out: Record<string, string> = {};
      for (let i = 0; i < segments.length; i++) {
        const seg = segments[i];
        if (seg === '#') return out;
        if (i >= parts.length) return undefined;
        const name = names[i];
        if (name) out[name] = parts[i];
        else if (seg !== '+' && seg !== parts[i]) return undefined;
      }
      return parts.length === segments.length ? out : undefined;
    },
  };
}

/** `$share/<group>/<filter>` so several connections and instances split the messages between them. */
export function subscriptionFilter(t: TopicTemplate, shareGroup: string): string {
  return shareGroup ? `$share/${shareGroup}/${t.filter}` : t.filter;
}
