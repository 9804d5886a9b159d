/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack;

/**
 * What actrack holds about a person, for the requests data-protection law gives them (GDPR articles 15 and 17):
 * {@link #export} answers an access request, {@link #erase} an erasure request. From {@link ActionLog#personalData()}:
 *
 * <pre>{@code
 * String document = log.personalData().export(member);   // their actions, trackers and unread state, as JSON
 * log.personalData().erase(member);                      // then remove the member as the application does
 * }</pre>
 *
 * <p>Both run in the caller's transaction when there is one (erasure commits or rolls back with it), else in one of
 * their own.
 */
public interface PersonalData {

    /**
     * Removes every trace of {@code person} that is not someone else's history:
     *
     * <ul>
     *   <li>the trackers they own, the trackers that follow them, their unread marks and their seen position go;
     *   <li>the actions they did or were an object of stay (they are others' history too), but refer to an anonymous
     *       deleted item instead of them: its description is {@link SettingKeys#ERASED_DESCRIPTION}, it keeps no
     *       serialization and not their id, and a deleted item the person left earlier (when their entity was
     *       removed) is replaced by it;
     *   <li>each of those actions' data goes through its handler's {@link ActionHandler#scrub}, which removes what the
     *       application wrote about the person into it.
     * </ul>
     *
     * <p>The person's entity is the application's: remove it as usual, before or after (its removal then finds nothing
     * of actrack's left to keep). Outbox events already written ({@code actrack.outbox=true}) still name the person
     * until the relay or Debezium delivers them. Erasing someone actrack holds nothing of does nothing.
     *
     * @param person the person's entity, or its {@link ObjectRef} (for a person whose entity is gone)
     * @return what was erased
     */
    Erasure erase(Object person);

    /**
     * One JSON document of what actrack holds about {@code person}, for an access request: the actions they did or
     * were an object of (each with the roles they had in it, its objects by type and id, and its data), the trackers
     * they own, their unread actions and their seen position. Objects are named by type and id only: the application
     * adds what its own entities hold.
     *
     * @param person the person's entity, or its {@link ObjectRef}
     * @return the document ({@code application/json}), with the fields {@code person}, {@code actions},
     *     {@code trackers}, {@code unread} and {@code seenUntil}
     */
    String export(Object person);

    /**
     * What {@link #erase} did.
     *
     * @param person whom it erased
     * @param trackers the trackers deleted (owned by the person, or following them)
     * @param unreadMarks the person's unread marks deleted
     * @param actions the actions that now refer to the anonymous deleted item instead of the person
     */
    record Erasure(ObjectRef person, int trackers, long unreadMarks, long actions) {}
}
