/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack;

import java.time.Instant;
import java.util.Collection;

/**
 * How long actions are kept and what becomes of them when the entities they name go, from
 * {@link ActionLog#history()}.
 *
 * <p>Removing a {@link Connected @Connected} entity through JPA keeps its history by itself; the methods here are
 * for code that removes entities otherwise (a JPQL bulk {@code DELETE}, plain SQL), for logging about an entity
 * while removing it, and for retention. Each call joins the caller's transaction when one is active, otherwise it
 * runs in one of its own.
 */
public interface History {

    /**
     * Deletes the actions that happened before {@code olderThan}, with their references and unread marks:
     * the retention of actrack's tables (django-actrack keeps actions forever). Trackers, deleted items and
     * newer actions are untouched; feeds, streams and counts simply no longer see the pruned actions.
     *
     * <p>One call is one unit of work: it joins the caller's transaction when one is active (so it commits or
     * rolls back with it), otherwise it runs in a transaction of its own (through CDI: a new JTA
     * transaction). It deletes the oldest actions first, 500 per statement. To prune millions of actions,
     * call it from a scheduled job in steps (a day's worth per call, say), so that no transaction grows
     * large and each step's locks are short; running it while actions are logged is safe, since only old
     * actions are touched and grouping never reaches back further than its delay.
     *
     * <p>On PostgreSQL with actrack's tables partitioned by time (docs/schema.md), whole partitions older than
     * {@code olderThan} are dropped first, whatever they hold, in a unit of work of their own (joined to the caller's
     * transaction when there is one): the exclusive lock dropping takes ends there, before the rest is deleted row by
     * row.
     *
     * @param olderThan the first instant kept: actions with an earlier timestamp are deleted
     * @return how many actions were deleted
     * @throws ActrackException ({@link ErrorCode#NULL_TIMESTAMP}) when {@code olderThan} is {@code null}
     */
    long prune(Instant olderThan);

    /**
     * Keeps history when an entity goes: what removing a {@link Connected @Connected} entity through JPA
     * does by itself, for code that removes entities otherwise. With deleted items (the default, or
     * {@code @Connected(useDeletedItems = true)}), every action and tracker that refers to the entity is
     * re-pointed to one {@link DeletedItem} keeping its description; with {@code useDeletedItems = false}
     * they are deleted. Trackers the entity owns as a user, and its unread marks, are deleted. Nothing is
     * created when nothing refers to the entity. Runs in the caller's transaction.
     *
     * @param entity the entity
     */
    void entityRemoved(Object entity);

    /**
     * {@link #entityRemoved(Object)} for entities removed without JPA callbacks, such as a JPQL bulk
     * {@code DELETE}: call it in the same transaction with the class and the ids. The deleted items'
     * descriptions are "EntityName id", their serialization {@code {"id": …}}.
     *
     * @param entityType the entity class
     * @param ids the ids of the removed entities
     */
    void entitiesRemoved(Class<?> entityType, Collection<?> ids);

    /**
     * The deleted item of an entity that is being removed, created if need be (django-actrack's
     * {@code get_del_item}): log with it as actor, target or related object when logging about an entity
     * while removing it.
     *
     * @param entity the entity
     * @return its deleted item
     */
    DeletedItem deletedItem(Object entity);
}
