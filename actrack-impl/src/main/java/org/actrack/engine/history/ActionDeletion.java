/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.history;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.util.List;

/**
 * Deletes stored actions with what hangs on them (their references and unread marks), a bounded number of
 * ids per statement so that no database meets a parameter limit.
 */
final class ActionDeletion {

    /** The most action ids one statement names. */
    static final int CHUNK = 500;

    private ActionDeletion() {}

    /**
     * Deletes the actions.
     *
     * @param flush {@link FlushModeType#COMMIT} while the provider removes an entity (a flush would write its
     *        half-done removal), {@link FlushModeType#AUTO} otherwise
     */
    static void delete(EntityManager em, FlushModeType flush, List<Long> ids) {
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            for (String jpql : List.of(
                    "DELETE FROM ActrackUnread u WHERE u.actionId IN :ids",
                    "DELETE FROM ActrackBroadcast b WHERE b.actionId IN :ids",
                    "DELETE FROM ActrackReadMark m WHERE m.actionId IN :ids",
                    "DELETE FROM ActrackActionRef r WHERE r.actionId IN :ids",
                    "DELETE FROM ActrackAction a WHERE a.id IN :ids")) {
                em.createQuery(jpql)
                        .setFlushMode(flush)
                        .setParameter("ids", chunk)
                        .executeUpdate();
            }
        }
    }
}
