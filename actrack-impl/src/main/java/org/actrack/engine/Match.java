package org.actrack.engine;

import java.util.EnumSet;
import java.util.Set;
import org.actrack.ObjectRef;
import org.actrack.engine.model.Role;

/**
 * One way an action can be selected: an object (or any instance of a whole type) in one of some roles,
 * with one of some verbs (none: any verb). A query selects the actions that satisfy any of its matches.
 *
 * @param ref the object, or a whole-type reference
 * @param roles the roles it may play; never empty
 * @param verbs the verbs; empty for any
 */
record Match(ObjectRef ref, Set<Role> roles, Set<String> verbs) {

    static final Set<Role> ANY_ROLE = Set.copyOf(EnumSet.allOf(Role.class));

    Match {
        roles = Set.copyOf(roles);
        verbs = Set.copyOf(verbs);
    }

    static Match of(ObjectRef ref, Role role) {
        return new Match(ref, Set.of(role), Set.of());
    }

    static Match anyRole(ObjectRef ref) {
        return new Match(ref, ANY_ROLE, Set.of());
    }

    /** What a tracker selects: its object as actor, or in any role, with its verbs. */
    static Match tracking(ObjectRef tracked, boolean actorOnly, Set<String> verbs) {
        return new Match(tracked, actorOnly ? Set.of(Role.ACTOR) : ANY_ROLE, verbs);
    }
}
