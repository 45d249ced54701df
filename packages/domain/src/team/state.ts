import type { Standing, TeamRole } from '../shared/access.js';
import type { ActorId, RegionId } from '../shared/ids.js';
import type { IsoDate } from '../shared/time.js';
import type { TeamEvent } from './events.js';

/** One dated stretch of a person's time on the team, in one role and region: from `from`, until `until` (exclusive). */
export interface Spell {
  readonly from: IsoDate;
  readonly until: IsoDate | null;
  readonly role: TeamRole;
  readonly region?: RegionId;
  readonly managerId?: ActorId;
}

/** The register: every person's spells, oldest first. */
export interface TeamState {
  readonly members: Readonly<Record<string, readonly Spell[]>>;
}

/** The empty register. */
export const initialState = (): TeamState => ({ members: {} });

const withSpells = (state: TeamState, memberId: string, spells: readonly Spell[]): TeamState => ({
  members: { ...state.members, [memberId]: spells },
});

/** Ends the open spell on `on` and, when `next` is given, opens it from `on`. */
function endSpell(state: TeamState, memberId: string, on: IsoDate, next?: Partial<Spell>): TeamState {
  const spells = state.members[memberId] ?? [];
  const open = spells.at(-1);
  if (open === undefined || open.until !== null) return state;
  const closed = [...spells.slice(0, -1), { ...open, until: on }];
  if (next === undefined) return withSpells(state, memberId, closed);
  const { managerId: _oldManager, ...kept } = open;
  return withSpells(state, memberId, [...closed, { ...kept, ...next, from: on, until: null }]);
}

/** Folds one event into the register. */
export function evolve(state: TeamState, event: TeamEvent): TeamState {
  switch (event.type) {
    case 'TeamMemberJoined': {
      const { memberId, role, region, managerId, joinedOn } = event.data;
      const spell: Spell = {
        from: joinedOn,
        until: null,
        role,
        ...(region === undefined ? {} : { region }),
        ...(managerId === undefined ? {} : { managerId }),
      };
      return withSpells(state, memberId, [...(state.members[memberId] ?? []), spell]);
    }
    case 'TeamMemberTransferred': {
      const { memberId, toRegion, managerId, transferredOn } = event.data;
      return endSpell(state, memberId, transferredOn, {
        region: toRegion,
        ...(managerId === undefined ? {} : { managerId }),
      });
    }
    case 'TeamMemberLeft':
      return endSpell(state, event.data.memberId, event.data.leftOn);
  }
}

/** The spell in force on `date`, if any. */
export const spellOn = (state: TeamState, memberId: string, date: IsoDate): Spell | undefined =>
  (state.members[memberId] ?? []).find((spell) => spell.from <= date && (spell.until === null || date < spell.until));

/** The person's open spell (the latest, not ended), if any. */
export const currentSpell = (state: TeamState, memberId: string): Spell | undefined => {
  const last = state.members[memberId]?.at(-1);
  return last !== undefined && last.until === null ? last : undefined;
};

/** What the register says of `memberId` on `date`: `null` when they were never on it; inactive outside their spells. */
export function standingOn(state: TeamState, memberId: string, date: IsoDate): Standing | null {
  const spells = state.members[memberId];
  if (spells === undefined || spells.length === 0) return null;
  const spell = spellOn(state, memberId, date) ?? spells.at(-1);
  if (spell === undefined) return null;
  const active = spellOn(state, memberId, date) !== undefined;
  return {
    active,
    role: spell.role,
    ...(spell.region === undefined ? {} : { region: spell.region }),
    ...(spell.managerId === undefined ? {} : { managerId: spell.managerId }),
  };
}

/** The last date anything changed for `memberId` (changes must come in date order). */
export const lastChangeOn = (state: TeamState, memberId: string): IsoDate | undefined => {
  const last = state.members[memberId]?.at(-1);
  return last === undefined ? undefined : (last.until ?? last.from);
};
