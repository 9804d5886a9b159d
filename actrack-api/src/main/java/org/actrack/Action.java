/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stored action, as queries return it: immutable, with its references resolved to entities.
 *
 * <p>The referenced entities are loaded with one query per entity type for a whole page of actions.
 * A reference whose entity no longer exists is kept in the {@code …Refs()} lists and left out of the
 * entity lists; a removed entity that actrack kept the history of appears as a {@link DeletedItem}.
 *
 * <p>Only actrack makes actions: applications receive them from queries ({@link ActionQuery#page},
 * {@link ActionQuery#list}, {@link ActionQuery#stream}) and from {@link ActionStored} events. Two actions
 * from actrack are equal when their ids are. The typed accessors save {@code instanceof} chains:
 *
 * <pre>{@code
 * Optional<Member> driver = action.actor(Member.class);
 * List<Train> trains = action.targets(Train.class);
 * }</pre>
 */
public interface Action {

    /** {@return the id; ids grow in logging order} */
    long id();

    /** {@return the actor's reference, empty for an action without an actor} */
    Optional<ObjectRef> actorRef();

    /** {@return the actor entity, empty when there is none or it no longer exists} */
    Optional<Object> actor();

    /**
     * The actor when it is of the given type.
     *
     * @param <T> the type
     * @param type an entity class, {@link DeletedItem} or {@code Object}
     * @return the actor, empty when there is none, it no longer exists or it is of another type
     */
    default <T> Optional<T> actor(Class<T> type) {
        return actor().filter(type::isInstance).map(type::cast);
    }

    /** {@return the verb} */
    String verb();

    /** {@return the level's value} */
    int level();

    /** {@return the JSON data, as JSON-B reads it back (objects as maps, arrays as lists, numbers as {@code BigDecimal})} */
    Map<String, Object> data();

    /** {@return when it happened (UTC, microsecond precision)} */
    Instant timestamp();

    /** {@return the application's own key of the action ({@link Options#foreignId}), empty when it was logged without} */
    default Optional<String> foreignId() {
        return Optional.empty();
    }

    /** {@return the targets' references, in logging order} */
    List<ObjectRef> targetRefs();

    /** {@return the target entities that still exist, in logging order} */
    List<Object> targets();

    /**
     * The targets of the given type.
     *
     * @param <T> the type
     * @param type an entity class, {@link DeletedItem} or {@code Object}
     * @return the target entities of that type that still exist, in logging order
     */
    default <T> List<T> targets(Class<T> type) {
        return targets().stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** {@return the related objects' references, in logging order} */
    List<ObjectRef> relatedRefs();

    /** {@return the related entities that still exist, in logging order} */
    List<Object> related();

    /**
     * The related objects of the given type.
     *
     * @param <T> the type
     * @param type an entity class, {@link DeletedItem} or {@code Object}
     * @return the related entities of that type that still exist, in logging order
     */
    default <T> List<T> related(Class<T> type) {
        return related().stream().filter(type::isInstance).map(type::cast).toList();
    }
}
