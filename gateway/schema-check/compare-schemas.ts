import { CriticalityLevel, diff } from '@graphql-inspector/core';
import type { GraphQLSchema } from 'graphql';

/** How a change affects clients written against the old schema. */
export type Criticality = 'breaking' | 'dangerous' | 'safe';

/** One difference between two API schemas. */
export interface SchemaChange {
  readonly criticality: Criticality;
  /** graphql-inspector's change type, such as FIELD_REMOVED or ENUM_VALUE_ADDED. */
  readonly type: string;
  /** The schema coordinate changed: `Type`, `Type.field`, `Type.field.argument`, `Enum.VALUE`, `Input.field`; null for schema-wide changes. */
  readonly path: string | null;
  readonly message: string;
  /** Why it is breaking or dangerous, when graphql-inspector says. */
  readonly reason: string | null;
}

const CRITICALITY: Record<CriticalityLevel, Criticality> = {
  [CriticalityLevel.Breaking]: 'breaking',
  [CriticalityLevel.Dangerous]: 'dangerous',
  [CriticalityLevel.NonBreaking]: 'safe',
};

const ORDER: Record<Criticality, number> = { breaking: 0, dangerous: 1, safe: 2 };

/**
 * Every change from `base` to `next`, classified by graphql-inspector: breaking (a valid operation or a
 * client's handling of results may fail), dangerous (valid, but results may surprise a client, such as a
 * new enum value or a changed default) or safe. Sorted breaking first, then by coordinate.
 */
export async function compareSchemas(base: GraphQLSchema, next: GraphQLSchema): Promise<SchemaChange[]> {
  const changes = await diff(base, next);
  return changes
    .map((change) => ({
      criticality: CRITICALITY[change.criticality.level],
      type: String(change.type),
      path: change.path ?? null,
      message: change.message,
      reason: change.criticality.reason ?? null,
    }))
    .sort((a, b) => ORDER[a.criticality] - ORDER[b.criticality] || (a.path ?? '').localeCompare(b.path ?? '') || a.message.localeCompare(b.message));
}
